Feature: The No Gift Policy, "don't accept, don't give" (integrity plan, project 15)
  Project 15 of the Lampang Provincial Administrative Organization's anti-corruption
  action plan, fiscal years B.E. 2566-2570: the No Gift Policy measure. Owner: the Office
  of the PAO Permanent Secretary. Target group: local executives, council members and
  the organization's staff.

  Method step 5.1 (tag @plan-15-5.1): executives and staff meet to draft the measure
  "NO Gift Policy, don't accept, don't give" together.
  Method step 5.2 (tag @plan-15-5.2): the announcement adopting the policy is drafted,
  with guidelines for carrying out the measure.
  Method step 5.3 (tag @plan-15-5.3): the executive announces the policy.
  Method step 5.4 (tag @plan-15-5.4): the announcement is published to people inside the
  organization and to the public, so that everyone knows it.
  Method step 5.5 (tag @plan-15-5.5): the use of the measure is evaluated and followed up.
  Method item 6 (tag @plan-15-5.6): the results are reported.
  Output 2: 100% of executives, council members and staff act under the policy
  (measured with an evaluation form or survey).

  The same scenarios as no_gift.th.feature. The plan writes only the measure's steps; the
  gift declarations (flow gift_declaration) are this repository's reading of how the use
  of the measure is followed (step 5.5), under the NACC's criteria on receiving property
  or benefits on ethical grounds (from someone who is not a relative, at most 3,000 baht
  per occasion, a setting of the flow), not the plan's words.

  Background:
    Given today is 2 October 2566
    And "sompong" holds the role "executive"
    And "kanda" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "prasert" holds the role "council member"
    And "somchai" holds the role "staff" in the unit "Engineering Division"
    And "somjai" holds the role "staff" in the unit "Finance Division"
    And "manop" holds the role "staff" in the unit "Finance Division"
    And "somying" holds the role "supervisor" in the unit "Engineering Division"
    And "somsak" holds the role "custodian" in the unit "Procurement and Assets Division"
    And "pranee" holds the role "inspector" in the unit "Internal Audit Unit"

  @plan-15-5.1 @plan-15-5.2 @plan-15-5.3 @plan-15-5.4 @plan-15-5.5 @plan-15-5.6
  Scenario: The measure of fiscal year 2567 from the drafting meeting to the report (project 15, steps 5.1 to 5.6)
    One no_gift_policy case per fiscal year: executives and staff meet (step 5.1); the
    announcement and its guidelines are drafted (step 5.2); the executive announces it
    (step 5.3); it is published inside the organization and to the public, every channel
    recorded (step 5.4); its use is evaluated and followed up with a survey (step 5.5);
    the results are reported (item 6).

    When "kanda" starts a "no_gift_policy" case with:
      | fiscal year | 2567 |
    Then the case is in state "preparing"
    And "kanda" cannot start a "no_gift_policy" case because "already has a No Gift Policy case" with:
      | fiscal year | 2567 |
    When 4 days pass
    Then "kanda" cannot fire "hold the drafting meeting" because "executives must take part" with:
      | meeting date       | 5 October 2566           |
      | meeting minutes    | minutes of meeting 1/2567 |
      | executives present | 0                        |
      | staff present      | 25                       |
    When "kanda" fires "hold the drafting meeting" with:
      | meeting date       | 5 October 2566           |
      | meeting minutes    | minutes of meeting 1/2567 |
      | executives present | 3                        |
      | staff present      | 25                       |
    Then the case is in state "measure drafted"
    When "kanda" fires "draft the announcement" with:
      | announcement title | Lampang PAO announcement: NO Gift Policy, don't accept, don't give |
      | guidelines         | guidelines for the NO Gift Policy measure                          |
    And "sompong" fires "return for revision" with:
      | revision note | state in the guidelines where gifts are declared |
    And "kanda" fires "draft the announcement" with:
      | guidelines | guidelines for the NO Gift Policy measure (revised) |
    Then the case is in state "announcement drafted"
    And "kanda" cannot fire "announce" because "executive" with:
      | announcement number | 215/2566 |
    When 10 days pass
    And "sompong" fires "announce" with:
      | announcement number | 215/2566 |
    Then the case is in state "announced"
    And the case has the data:
      | announced on | 16 October 2566 |
    When "kanda" fires "publish" with:
      | internal channels | circular letter to every division |
      | public channels   | Lampang PAO website               |
    And "kanda" fires "record a public channel" with:
      | public channels | Lampang PAO Facebook page |
    And "kanda" fires "record an internal channel" with:
      | internal channels | office notice board |
    Then the case is in state "published"
    When "kanda" fires "add to the target group" with:
      | target group | sompong, prasert, somchai, somjai |
    And "kanda" fires "start the evaluation" with:
      | survey instrument | No Gift Policy compliance survey |
    And 150 days pass
    And "kanda" fires "record a follow-up" with:
      | follow-ups | six-month check: no undeclared gift found |
    Then "kanda" cannot fire "report the results" because "survey result" with:
      | results summary | not surveyed yet |
    And "kanda" cannot fire "record the survey" because "survey respondents" with:
      | survey respondents     | 4 |
      | acting under the policy | 5 |
    When "kanda" fires "record the survey" with:
      | survey respondents      | 4 |
      | acting under the policy | 4 |
    And "kanda" fires "report the results" with:
      | results summary | 1 announcement, published on 4 channels, survey: 100% act under the policy |
    Then the case is in state "reported"
    And the audit trail records:
      | actor   | trigger                    | from                 | to                   |
      | kanda   | start                      |                      | preparing            |
      | kanda   | hold the drafting meeting  | preparing            | measure drafted      |
      | kanda   | draft the announcement     | measure drafted      | announcement drafted |
      | sompong | return for revision        | announcement drafted | measure drafted      |
      | kanda   | draft the announcement     | measure drafted      | announcement drafted |
      | sompong | announce                   | announcement drafted | announced            |
      | kanda   | publish                    | announced            | published            |
      | kanda   | record a public channel    | published            | published            |
      | kanda   | record an internal channel | published            | published            |
      | kanda   | start the evaluation       | published            | evaluating           |
      | kanda   | record the survey          | evaluating           | evaluating           |
      | kanda   | report the results         | evaluating           | reported             |
    And the audit trail verifies

  @plan-15-5.4 @plan-15-5.5
  Scenario: Pledges reach 100% and the report names who has not pledged yet (project 15, steps 5.4 and 5.5)
    Once the announcement is published, everyone in the target group pledges to know and
    act under it, once per person per fiscal year (step 5.4). The KPI is computed from the
    pledges against the target group recorded on the year's case, and from the survey
    (step 5.5), naming who has not pledged yet.

    When "kanda" starts a "no_gift_policy" case "measure 2567" with:
      | fiscal year | 2567 |
    And "kanda" fires "hold the drafting meeting" with:
      | meeting date       | 2 October 2566            |
      | meeting minutes    | minutes of meeting 1/2567 |
      | executives present | 2                         |
      | staff present      | 18                        |
    And "kanda" fires "draft the announcement" with:
      | announcement title | NO Gift Policy, don't accept, don't give  |
      | guidelines         | guidelines for the NO Gift Policy measure |
    And "sompong" fires "announce" with:
      | announcement number | 215/2566 |
    And "kanda" fires "publish" with:
      | internal channels | circular letter to every division |
      | public channels   | Lampang PAO website               |
    And "kanda" fires "add to the target group" with:
      | target group | sompong, prasert, somchai, somjai, manop |
    When "sompong" starts a "no_gift_pledge" case with:
      | fiscal year | 2567 |
    And "prasert" starts a "no_gift_pledge" case with:
      | fiscal year | 2567 |
    And "somchai" starts a "no_gift_pledge" case with:
      | fiscal year | 2567 |
    Then the case is in state "pledged"
    And "somchai" cannot start a "no_gift_pledge" case because "already pledged" with:
      | fiscal year | 2567 |
    And "somchai" cannot start a "no_gift_pledge" case because "pledger" with:
      | fiscal year | 2567   |
      | pledger     | somjai |
    And the report "No Gift Policy pledges" for fiscal year 2567 shows:
      | figure                 | value         |
      | No Gift Policy announcements | 1 |
      | target group           | 5             |
      | pledged                | 3             |
      | number not pledged yet | 2             |
      | not pledged yet        | somjai, manop |
      | pledge rate (%)        | 60            |
      | 100% target met        | no            |
    When "kanda" fires "remove from the target group" on "measure 2567" with:
      | left the target group | manop |
    Then "kanda" cannot fire "add to the target group" on "measure 2567" because "already in the 'left the target group'" with:
      | target group | manop |
    When "kanda" starts a "no_gift_pledge" case with:
      | fiscal year | 2567                 |
      | pledger     | somjai               |
      | pledge form | signed form 004/2567 |
    And "kanda" fires "start the evaluation" on "measure 2567" with:
      | survey instrument | No Gift Policy compliance survey |
    And "kanda" fires "record the survey" with:
      | survey respondents      | 4 |
      | acting under the policy | 4 |
    Then the report "no_gift_pledges" for fiscal year 2567 shows:
      | target group       | 4   |
      | pledged            | 4   |
      | not pledged yet    | -   |
      | pledge rate (%)    | 100 |
      | survey respondents | 4   |
      | survey rate (%)    | 100 |
      | 100% target met    | yes |
    And the audit trail verifies

  @plan-15-5.5
  Scenario: A staff member declares a gift from a contractor and the supervisor has it returned (project 15, step 5.5)
    The recipient declares the giver, the relation, the occasion, the estimated value and
    what was done at the time; the supervisor reviews and decides the gift goes back; the
    recipient returns it with evidence. The giver's name is personal data and does not
    appear in the audit trail.

    Given today is 2 January 2567
    When "somchai" starts a "gift_declaration" case with:
      | giver                  | Rungrueang Civil Works Ltd., Part.        |
      | giver contact          | 054 218 000                               |
      | relation to the giver  | stakeholder                               |
      | occasion               | New Year 2567                             |
      | gift or benefit        | gift basket and department store vouchers |
      | estimated value (baht) | 2,500                                     |
      | date received          | 29 December 2566                          |
      | action at the time     | accepted                                  |
      | action details         | left on the desk while the official was out |
    Then the case is in state "declared"
    When "somying" fires "review" with:
      | review note | the giver is a contractor whose works the recipient inspects |
    And "somying" fires "order the return" with:
      | decision note | the giver has an interest in the recipient's duties: return it |
    Then the case is in state "to be returned"
    When 1 day passes
    And "somchai" fires "confirm the return" with:
      | evidence of return | letter returning the gift dated 3 January 2567, signed by the giver |
    Then the case is in state "returned to the giver"
    And the case has the data:
      | recipient              | somchai         |
      | relation to the giver  | stakeholder     |
      | estimated value (baht) | 2500            |
      | decided on             | 2 January 2567  |
      | returned on            | 3 January 2567  |
    And the audit trail records:
      | actor   | trigger            | from           | to                    |
      | somchai | declare            |                | declared              |
      | somying | review             | declared       | reviewed              |
      | somying | order the return   | reviewed       | to be returned        |
      | somchai | confirm the return | to be returned | returned to the giver |
    And the audit trail verifies

  @plan-15-5.5
  Scenario: A gift over 3,000 baht from someone who is not a relative cannot be kept; it is handed over and registered (project 15, step 5.5)
    The gift came by post from a giver whose address is unknown, so it cannot be returned.
    The executive may not allow it to be kept, its value being over the limit, and has it
    handed over to the organization; the custodian enters it in the gift register. A
    register number serves one gift only.

    Given today is 2 January 2567
    When "somjai" starts a "gift_declaration" case "G1" with:
      | giver                  | Mr Thongdee Meesap                              |
      | relation to the giver  | other person                                    |
      | occasion               | New Year 2567                                   |
      | gift or benefit        | gold necklace, 1 salung                         |
      | estimated value (baht) | 4,800 บาท                                       |
      | date received          | 2 January 2567                                  |
      | action at the time     | accepted                                        |
      | action details         | came by post, no address to return it to        |
    And "kanda" fires "review" with:
      | review note | over the limit, cannot be returned |
    Then "sompong" cannot fire "allow keeping" because "must not exceed 3,000" with:
      | decision note | may keep it |
    And the case is in state "reviewed"
    When "sompong" fires "order the hand-over" with:
      | decision note | over the limit and cannot be returned: hand it over to the organization |
    Then the case is in state "to be handed over"
    And "somjai" cannot fire "register the gift" because "custodian" with:
      | gift register number | GR. 1/2567 |
    When "somsak" fires "register the gift" with:
      | gift register number | GR. 1/2567 |
    Then the case is in state "handed over and registered"
    And the case has the data:
      | gift register number | GR. 1/2567     |
      | registered on        | 2 January 2567 |
    When "somchai" starts a "gift_declaration" case "G2" with:
      | giver                  | Lampang Materials Co., Ltd. |
      | relation to the giver  | stakeholder                 |
      | occasion               | New Year's Day              |
      | gift or benefit        | wristwatch                  |
      | estimated value (baht) | 6,000                       |
      | date received          | 2 January 2567              |
      | action at the time     | accepted                    |
    And "somying" fires "review" on "G2" with:
      | review note | the giver is a bidder in a purchase |
    And "sompong" fires "order the hand-over" on "G2" with:
      | decision note | hand it over to the organization |
    Then "somsak" cannot fire "register the gift" on "G2" because "already used" with:
      | gift register number | GR. 1/2567 |
    When "somsak" fires "register the gift" on "G2" with:
      | gift register number | GR. 2/2567 |
    Then the case "G2" is in state "handed over and registered"
    And the audit trail of "G1" records:
      | actor   | trigger             | from              | to                         | outcome |
      | somjai  | declare             |                   | declared                   | moved   |
      | kanda   | review              | declared          | reviewed                   | moved   |
      | sompong | allow keeping       | reviewed          |                            | refused |
      | sompong | order the hand-over | reviewed          | to be handed over          | moved   |
      | somsak  | register the gift   | to be handed over | handed over and registered | moved   |
    And the audit trail verifies

  @plan-15-5.5
  Scenario: No one reviews or decides on their own declaration (project 15, step 5.5, separation of duties)
    A supervisor who receives a gift declares it like anyone else, and may neither review
    nor decide on the declaration, although holding the supervisor's role.

    Given "somying" holds the role "staff"
    When "somying" starts a "gift_declaration" case with:
      | giver                  | a technician of her section |
      | relation to the giver  | colleague                   |
      | occasion               | birthday                    |
      | gift or benefit        | a bottle of wine            |
      | estimated value (baht) | 1,200                       |
      | date received          | 1 October 2566              |
      | action at the time     | accepted                    |
    Then "somying" cannot fire "review" because "declarant" with:
      | review note | checked, in order |
    And the case is in state "declared"
    When "kanda" fires "review" with:
      | review note | the giver is the recipient's subordinate |
    Then "somying" cannot fire "allow keeping" because "separation of duties" with:
      | decision note | customary, may keep it |
    When "sompong" fires "order the return" with:
      | decision note | no gifts from subordinates: return it |
    Then the case is in state "to be returned"
    And the audit trail records:
      | actor   | trigger          | from     | to             | outcome |
      | somying | declare          |          | declared       | moved   |
      | somying | review           | declared |                | refused |
      | kanda   | review           | declared | reviewed       | moved   |
      | somying | allow keeping    | reviewed |                | refused |
      | sompong | order the return | reviewed | to be returned | moved   |
    And the audit trail verifies

  @plan-15-5.5
  Scenario: An inspector finds later that a gift was received and not declared, and records a finding (project 15, step 5.5)
    A gift that should have been declared and was not is recorded by an inspector, with
    what was found; nobody else may record it. It is then reviewed and decided like a
    declaration, and the recipient may not review it.

    Given today is 1 March 2567
    And "manop" holds the role "supervisor"
    Then "somjai" cannot start a "gift_declaration" case because "inspector" with:
      | kind                   | found later                                  |
      | recipient              | manop                                        |
      | giver                  | Kaona Construction Co., Ltd.                 |
      | relation to the giver  | stakeholder                                  |
      | occasion               | New Year 2567                                |
      | gift or benefit        | restaurant vouchers                          |
      | estimated value (baht) | 3,500                                        |
      | date received          | 28 December 2566                             |
      | action at the time     | accepted                                     |
      | finding                | found from the giver's entertainment receipt |
    When "pranee" starts a "gift_declaration" case with:
      | kind                   | found later                                  |
      | recipient              | manop                                        |
      | giver                  | Kaona Construction Co., Ltd.                 |
      | relation to the giver  | stakeholder                                  |
      | occasion               | New Year 2567                                |
      | gift or benefit        | restaurant vouchers                          |
      | estimated value (baht) | 3,500                                        |
      | date received          | 28 December 2566                             |
      | action at the time     | accepted                                     |
      | finding                | found from the giver's entertainment receipt |
    Then the case is in state "declared"
    And the case has the data:
      | kind      | found later |
      | recipient | manop       |
    And "manop" cannot fire "review" because "recipient" with:
      | review note | nothing to note |
    When "somying" fires "review" with:
      | review note | the facts match the evidence; the recipient did not declare in time |
    And "sompong" fires "order the hand-over" with:
      | decision note | hand the vouchers over; refer to the Personnel Division for discipline |
    Then the case is in state "to be handed over"
    And the audit trail verifies

  @plan-15-5.5
  Scenario: The register of a fiscal year and the figures published without personal data (project 15, step 5.5)
    The register counts declarations by the fiscal year of the day the gift was received,
    by disposition, with the total value. The figures published to the public hold only
    counts and values: no recipient, no giver, no description of the gift.

    Given today is 10 January 2567
    When "somchai" starts a "gift_declaration" case "last year" with:
      | giver                  | Ms Jaidee Rakngan |
      | relation to the giver  | other person      |
      | occasion               | change of office  |
      | gift or benefit        | a basket of fruit |
      | estimated value (baht) | 800               |
      | date received          | 25 September 2566 |
      | action at the time     | accepted          |
    And "somchai" starts a "gift_declaration" case "R1" with:
      | giver                  | Rungrueang Civil Works Ltd., Part. |
      | relation to the giver  | stakeholder                        |
      | occasion               | New Year 2567                      |
      | gift or benefit        | gift basket                        |
      | estimated value (baht) | 2,500                              |
      | date received          | 29 December 2566                   |
      | action at the time     | accepted                           |
    And "somjai" starts a "gift_declaration" case "R2" with:
      | giver                  | Mr Thongdee Meesap |
      | relation to the giver  | other person       |
      | occasion               | New Year 2567      |
      | gift or benefit        | gold necklace      |
      | estimated value (baht) | 4,800              |
      | date received          | 30 December 2566   |
      | action at the time     | accepted           |
    And "prasert" starts a "gift_declaration" case "R3" with:
      | giver                  | Mrs Buakham (his mother) |
      | relation to the giver  | relative                 |
      | occasion               | birthday                 |
      | gift or benefit        | an amulet                |
      | estimated value (baht) | 5,000                    |
      | date received          | 3 January 2567           |
      | action at the time     | accepted                 |
    And "somchai" starts a "gift_declaration" case "R4" with:
      | giver                  | Lampang Materials Co., Ltd.                  |
      | relation to the giver  | stakeholder                                  |
      | occasion               | before the award of a purchase               |
      | gift or benefit        | cash in an envelope                          |
      | estimated value (baht) | 10,000                                       |
      | date received          | 5 January 2567                               |
      | action at the time     | refused                                      |
      | action details         | refused at once and told the supervisor      |
    And "somjai" starts a "gift_declaration" case "R5" with:
      | giver                  | a colleague of the Finance Division |
      | relation to the giver  | colleague                           |
      | occasion               | birthday                            |
      | gift or benefit        | a cloth bag                         |
      | estimated value (baht) | 1,500.50                            |
      | date received          | 8 January 2567                      |
      | action at the time     | accepted                            |
    And "somying" fires "review" on "R1" with:
      | review note | the giver is a contractor |
    And "somying" fires "order the return" on "R1" with:
      | decision note | return it |
    And "kanda" fires "review" on "R2" with:
      | review note | over the limit |
    And "sompong" fires "order the hand-over" on "R2" with:
      | decision note | hand it over to the organization |
    And "somsak" fires "register the gift" on "R2" with:
      | gift register number | GR. 3/2567 |
    And "kanda" fires "review" on "R3" with:
      | review note | a customary gift from his mother |
    And "sompong" fires "allow keeping" on "R3" with:
      | decision note | from a relative according to custom |
    And "somying" fires "review" on "R4" with:
      | review note | refused at the time |
    And "somying" fires "record the refusal" on "R4"
    Then the report "gift declaration register" for fiscal year 2567 shows:
      | declarations                | 5                         |
      | declared by recipients      | 5                         |
      | found later                 | 0                         |
      | refused                     | 1                         |
      | returned to the giver       | 1                         |
      | handed over                 | 1                         |
      | kept                        | 1                         |
      | pending                     | 1                         |
      | total value (baht)          | 23,800.50                 |
      | value handed over (baht)    | 4,800                     |
      | value kept (baht)           | 5,000                     |
      | registered                  | 1                         |
      | recipients                  | somchai, somjai, prasert  |
      | gift register numbers       | GR. 3/2567                |
    And the report "published gift figures" for fiscal year 2567 shows:
      | declarations       | 5         |
      | handed over        | 1         |
      | total value (baht) | 23,800.50 |
      | from stakeholders  | 2         |
      | from relatives     | 1         |
    And the report "published gift figures" for fiscal year 2567 does not show "somchai"
    And the report "published gift figures" for fiscal year 2567 does not show "Thongdee"
    And the report "published gift figures" for fiscal year 2567 does not show "GR."
    And the report "published gift figures" for fiscal year 2566 shows:
      | declarations       | 1   |
      | pending            | 1   |
      | total value (baht) | 800 |
    And the audit trail verifies
