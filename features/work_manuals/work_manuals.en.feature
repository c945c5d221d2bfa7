Feature: Work manuals and operating standards for Lampang PAO staff (integrity plan, project 21)
  Project "preparing work manuals or operating standards for Lampang PAO staff",
  anti-corruption action plan, fiscal years B.E. 2566-2570. Owner: the Finance Division.
  Output: work manuals or operating standards, so that the work follows one standard.

  Method
  item 1 (tag @plan-21-5.1): appoint the working group on the manuals.
  item 2 (tag @plan-21-5.2): set the content framework of the manuals.
  item 3 (tag @plan-21-5.3): prepare the manuals, saying which mission and which position each
  is for, and its working steps.
  item 4 (tag @plan-21-5.4): post the manuals for staff and the public, and publish them through
  electronic media such as the PAO's website.

  Each manual is a child case of the year; every step has its processing time; a manual for
  the public lists the documents required. The plan does not say who approves a manual:
  here the executive, and not its drafter. The manuals and steps are examples.

  The same scenarios as work_manuals.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the role "coordinator" in the unit "Finance Division"
    And "sompong" holds the role "executive"
    And "kanda" holds the role "coordinator" in the unit "Finance Division"
    And "amnat" holds the role "coordinator" in the unit "Engineering Division"

  @plan-21-5.1 @plan-21-5.2 @plan-21-5.3 @plan-21-5.4
  Scenario: The work manuals of fiscal year 2567, from the working group to the posting (items 1 to 4)
    The executive appoints the working group (item 1); it sets the content framework (item 2);
    the Finance Division prepares a manual on disbursements and the Engineering Division a
    manual for the public on connecting to a local highway, with their steps and times, and
    the executive approves them (item 3); they are posted at the office and on the website
    (item 4).

    When "malee" starts a "work_manuals" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 155/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    And "malee" fires "set the content framework" on "Y2567" with:
      | content framework | heading=purpose and scope |
      | content framework | heading=working steps and times |
      | content framework | heading=forms and documents |
    Then the case "Y2567" is in state "preparing manuals"

    Given today is 6 November 2566
    When "kanda" starts a "work_manual" case "M1" with:
      | manual title | manual on disbursements |
      | mission      | disbursement             |
      | position     | finance and accounts officer |
      | unit         | Finance Division         |
    And "kanda" fires "record the steps" on "M1" with:
      | working steps | step=1; what is done=check the voucher and its documents; processing time (working days)=2 |
      | working steps | step=2; what is done=enter the voucher in e-LAAS and submit it; processing time (working days)=1 |
      | working steps | step=3; what is done=transfer to the creditor's account; processing time (working days)=1 |
    And "kanda" fires "submit the manual" on "M1"
    And "amnat" starts a "work_manual" case "M2" with:
      | manual title          | manual for the public: connecting an access road to a local highway |
      | mission               | permits to connect to a local highway |
      | position              | civil works technician |
      | unit                  | Engineering Division   |
      | manual for the public | yes                    |
    And "amnat" fires "record the steps" on "M2" with:
      | working steps | step=1; what is done=receive the request and check the documents; processing time (working days)=1 |
      | working steps | step=2; what is done=inspect the site; processing time (working days)=5 |
      | working steps | step=3; what is done=decide and notify; processing time (working days)=3 |
    And "amnat" fires "record the steps" on "M2" with:
      | documents required | copy of the identity card |
      | documents required | plan of the connection    |
    And "amnat" fires "submit the manual" on "M2"
    Then the case "M2" has the data:
      | number of steps                            | 3 |
      | total processing time (working days)       | 9 |

    Given today is 15 November 2566
    When "sompong" fires "approve the manual" on "M1"
    And "sompong" fires "approve the manual" on "M2"
    Given today is 20 November 2566
    When "malee" fires "post the manual" on "M1" with:
      | postings | place or channel=notice board at the office; kind of posting=posted at the office; posted on=20 November 2566 |
      | postings | place or channel=Lampang PAO website; kind of posting=website; posted on=20 November 2566; address=https://www.lampangpao.go.th/manuals/M1 |
    And "amnat" fires "post the manual" on "M2" with:
      | postings | place or channel=notice board at the office; kind of posting=posted at the office; posted on=20 November 2566 |
      | postings | place or channel=Lampang PAO website; kind of posting=website; posted on=20 November 2566; address=https://www.lampangpao.go.th/manuals/M2 |
    Then the case "M2" is in state "posted"
    When "malee" fires "close the year's manuals" on "Y2567" with:
      | summary | 2 manuals, 1 for the public, all posted |
    Then the case "Y2567" is in state "manuals prepared and posted"
    And the report "work_manuals" for fiscal year 2567 shows:
      | figure                 | value |
      | framework set          | yes   |
      | manuals prepared       | 2     |
      | manuals posted         | 2     |
      | manuals posted (%)     | 100   |
      | manuals not posted yet | -     |
      | manuals for the public | 1     |
    And the audit trail of "M2" records:
      | actor   | trigger            | from               | to                 |
      | amnat   | start a manual     |                    | drafting the manual |
      | amnat   | record the steps   | drafting the manual | drafting the manual |
      | amnat   | record the steps   | drafting the manual | drafting the manual |
      | amnat   | submit the manual  | drafting the manual | manual submitted   |
      | sompong | approve the manual | manual submitted   | manual approved    |
      | amnat   | post the manual    | manual approved    | posted             |
    And the audit trail verifies

  @plan-21-5.2 @plan-21-5.3 @plan-21-5.4
  Scenario: Every step has its time, a manual for the public lists its documents, the drafter may not approve, and the manual is posted at the office too (items 2 to 4)
    No manual starts before the content framework is set. A step without its processing time
    keeps the manual from being submitted, and so does a manual for the public without its
    documents. Manop, who also holds the executive's delegated authority, may not approve the
    manual he drafted. Publishing on the website alone, without posting at the office, is
    refused.

    Given "manop" holds the roles "coordinator" and "executive" in the unit "Engineering Division"
    When "malee" starts a "work_manuals" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 155/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    Then "amnat" cannot start a "work_manual" case because "parent" with:
      | manual title | manual for the public: connecting an access road to a local highway |
      | mission      | permits to connect to a local highway |
      | position     | civil works technician |
      | unit         | Engineering Division   |
    When "malee" fires "set the content framework" on "Y2567" with:
      | content framework | heading=purpose and scope |
      | content framework | heading=working steps and times |
      | content framework | heading=forms and documents |
    And "manop" starts a "work_manual" case "M2" with:
      | manual title          | manual for the public: connecting an access road to a local highway |
      | mission               | permits to connect to a local highway |
      | position              | civil works technician |
      | unit                  | Engineering Division   |
      | manual for the public | yes                    |
    And "manop" fires "record the steps" on "M2" with:
      | working steps | step=1; what is done=receive the request and check the documents; processing time (working days)=1 |
      | working steps | step=2; what is done=inspect the site |
    Then "manop" cannot fire "submit the manual" on "M2" because "every step needs its processing time"
    When "manop" fires "amend the steps" on "M2" with:
      | working steps | step=2; processing time (working days)=5 |
    Then "manop" cannot fire "submit the manual" on "M2" because "documents required"
    When "manop" fires "record the steps" on "M2" with:
      | documents required | copy of the identity card |
    And "manop" fires "submit the manual" on "M2"
    Then "manop" cannot fire "approve the manual" on "M2" because "drafter of the manual"
    When "sompong" fires "approve the manual" on "M2"
    Then "manop" cannot fire "post the manual" on "M2" because "posted at the office" with:
      | postings | place or channel=Lampang PAO website; kind of posting=website; posted on=2 October 2566; address=https://www.lampangpao.go.th/manuals/road |
    And the case "M2" is in state "manual approved"
    And the audit trail of "M2" records:
      | actor   | trigger            | from                | to               | outcome |
      | manop   | submit the manual  | drafting the manual |                  | refused |
      | manop   | submit the manual  | drafting the manual |                  | refused |
      | manop   | submit the manual  | drafting the manual | manual submitted | moved   |
      | manop   | approve the manual | manual submitted    |                  | refused |
      | sompong | approve the manual | manual submitted    | manual approved  | moved   |
      | manop   | post the manual    | manual approved     |                  | refused |
    And the audit trail verifies

  @plan-21-5.3 @plan-21-5.4
  Scenario: One manual is not posted yet: the year's manuals are not done (items 3 and 4)
    The manual on disbursements is posted; the Engineering Division's manual for the public
    waits for approval, so the year's manuals cannot be closed. The report shows 50 per cent
    posted and names the manual not posted yet.

    When "malee" starts a "work_manuals" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 155/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    And "malee" fires "set the content framework" on "Y2567" with:
      | content framework | heading=purpose and scope |
      | content framework | heading=working steps and times |
      | content framework | heading=forms and documents |
    And "kanda" starts a "work_manual" case "M1" with:
      | manual title | manual on disbursements |
      | mission      | disbursement             |
      | position     | finance and accounts officer |
      | unit         | Finance Division         |
    And "kanda" fires "record the steps" on "M1" with:
      | working steps | step=1; what is done=check the voucher and its documents; processing time (working days)=2 |
      | working steps | step=2; what is done=enter the voucher in e-LAAS and submit it; processing time (working days)=1 |
      | working steps | step=3; what is done=transfer to the creditor's account; processing time (working days)=1 |
    And "kanda" fires "submit the manual" on "M1"
    And "sompong" fires "approve the manual" on "M1"
    And "kanda" fires "post the manual" on "M1" with:
      | postings | place or channel=notice board at the office; kind of posting=posted at the office; posted on=20 November 2566 |
      | postings | place or channel=Lampang PAO website; kind of posting=website; posted on=20 November 2566; address=https://www.lampangpao.go.th/manuals/M1 |
    And "amnat" starts a "work_manual" case "M2" with:
      | manual title          | manual for the public: connecting an access road to a local highway |
      | mission               | permits to connect to a local highway |
      | position              | civil works technician |
      | unit                  | Engineering Division   |
      | manual for the public | yes                    |
    And "amnat" fires "record the steps" on "M2" with:
      | working steps | step=1; what is done=receive the request and check the documents; processing time (working days)=1 |
      | working steps | step=2; what is done=inspect the site; processing time (working days)=5 |
      | working steps | step=3; what is done=decide and notify; processing time (working days)=3 |
    And "amnat" fires "record the steps" on "M2" with:
      | documents required | copy of the identity card |
      | documents required | plan of the connection    |
    And "amnat" fires "submit the manual" on "M2"
    Then "malee" cannot fire "close the year's manuals" on "Y2567" because "not been posted yet" with:
      | summary | 2 manuals |
    And the report "work_manuals" for fiscal year 2567 shows:
      | figure                 | value |
      | manuals prepared       | 2     |
      | manuals posted         | 1     |
      | manuals posted (%)     | 50    |
      | manuals not posted yet | manual for the public: connecting an access road to a local highway |
    And the audit trail verifies
