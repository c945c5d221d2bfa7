Feature: Honouring personnel who work to standard with diligence and honesty (integrity plan, project 3)
  Project 3 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570. Owner: the Discipline and Integrity Section, Personnel
  Division. Output: role models of personnel who work to standard with diligence and honesty.
  Outcome: fewer complaints of corruption at work.

  Method
  item 1 (tag @plan-3-5.1): appoint the committee for honouring personnel who work to
  standard with diligence and honesty.
  item 2 (tag @plan-3-5.2): the committee sets the criteria for selecting personnel to honour.
  item 3 (tag @plan-3-5.3): announce the selection criteria and make them known to the personnel.
  item 4 (tag @plan-3-5.4): invite the divisions to send their own staff who meet the criteria
  for selection.
  item 5 (tag @plan-3-5.5): the committee considers and selects the personnel to honour.
  item 6 (tag @plan-3-5.6): announce the results of the selection.
  item 7 (tag @plan-3-5.7): give certificates of honour to the personnel honoured.
  item 8 (tag @plan-3-5.8): publicise the personnel honoured to the personnel and the public
  through many channels, such as the website, social media, notice boards, newsletters,
  public address and village broadcast towers.

  The plan does not write, and this flow adds: the announcement gives a closing day for
  nominations (at least 7 days on); a division nominates only its own staff; a committee
  member of the nominee's unit or family declares the tie and is recused from voting; a
  result is recorded only on the committee's resolution. Names are examples.

  The same scenarios as honours.th.feature.

  Background:
    Given "nid" holds the role "discipline and integrity officer" in the unit "Personnel Division"
    And "chaiwat" holds the role "executive"
    And "witsawa" holds the role "head of division" in the unit "Engineering Division"
    And "ampai" holds the role "head of division" in the unit "Finance Division"
    And today is 8 January 2567
    And "nid" starts an "honours_round" case "H1" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the honours committee" on "H1" with:
      | order     | 12/2567               |
      | chair     | prasert               |
      | members   | wanphen, somsak       |
      | secretary | nid                   |
    And "nid" fires "set the selection criteria" on "H1" with:
      | selection criteria | works to the standard of the post                              |
      | selection criteria | diligent and honest, never disciplined                         |
    And today is 15 January 2567
    And "chaiwat" fires "announce the criteria" on "H1" with:
      | criteria announcement | 3/2567          |
      | nominations close on  | 26 January 2567 |
    And "nid" fires "invite the divisions to nominate" on "H1" with:
      | invitation to the divisions | LP 51003/W 15 |
    And today is 17 January 2567
    And "witsawa" starts an "honours_nomination" case "N1" with:
      | honours round               | H1                                                        |
      | nominee                     | Mr Changdee Meefimue                                      |
      | nominee's division          | Engineering Division                                      |
      | merits against the criteria | supervised the road works to specification, refused the contractor's gifts |
    And "ampai" starts an "honours_nomination" case "N2" with:
      | honours round               | H1                                     |
      | nominee                     | Ms Banchee Thukthong                   |
      | nominee's division          | Finance Division                       |
      | merits against the criteria | disbursements correct and on time      |

  @plan-3-5.1 @plan-3-5.2 @plan-3-5.3 @plan-3-5.4 @plan-3-5.5 @plan-3-5.6 @plan-3-5.7 @plan-3-5.8
  Scenario: Fiscal year 2567: the committee selects one role model by its resolution, publicised on every channel (project 3, items 5.1 to 5.8)
    Given today is 29 January 2567
    Then the case "H1" is in state "committee selecting"
    Given today is 31 January 2567
    When "prasert" fires "open the meeting" on "H1" with:
      | present | prasert, wanphen, somsak, nid |
    And "wanphen" fires "declare a tie to a nominee" on "H1" with:
      | nominee  | Mr Changdee Meefimue                     |
      | relation | same division (Engineering Division)     |
    And "prasert" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | yes                  |
    And "somsak" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | yes                  |
    And "prasert" fires "record the resolution" on "H1" with:
      | nominee | Mr Changdee Meefimue |
    And "prasert" fires "vote" on "H1" with:
      | nominee | Ms Banchee Thukthong |
      | vote    | no                   |
    And "wanphen" fires "vote" on "H1" with:
      | nominee | Ms Banchee Thukthong |
      | vote    | no                   |
    And "somsak" fires "vote" on "H1" with:
      | nominee | Ms Banchee Thukthong |
      | vote    | yes                  |
    And "prasert" fires "record the resolution" on "H1" with:
      | nominee | Ms Banchee Thukthong |
    And "prasert" fires "close the meeting" on "H1" with:
      | minutes | minutes of the honours committee, meeting 1/2567 |
    And "nid" fires "record the selection" on "N1"
    And "nid" fires "record the rejection" on "N2"
    Then the case "N1" is in state "selected"
    And the case "N2" is in state "not selected"

    Given today is 2 February 2567
    When "chaiwat" fires "announce the results" on "H1" with:
      | results announcement | 5/2567 |
    Given today is 7 February 2567
    When "nid" fires "give the certificate" on "N1" with:
      | certificate number | 1/2567 |
    And "nid" fires "give the certificates" on "H1" with:
      | certificates given on | 7 February 2567 |
    Given today is 9 February 2567
    When "nid" fires "publicise the honourees" on "H1" with:
      | publicity | channel=Lampang PAO website; audience=the public; published on=9 February 2567 |
      | publicity | channel=social media; audience=the public; published on=9 February 2567        |
      | publicity | channel=notice board; audience=the personnel; published on=9 February 2567     |
    Then the case "H1" is in state "publicised"
    And the case "N1" is in state "certificate received"
    And the report "honours for personnel" for fiscal year 2567 shows:
      | figure                | value                |
      | criteria announcement | 3/2567               |
      | nominees              | 2                    |
      | divisions nominating  | 2                    |
      | honourees             | 1                    |
      | names of the honourees | Mr Changdee Meefimue |
      | role models honoured  | yes                  |
      | certificates given    | 1                    |
      | results announcement  | 5/2567               |
      | publicity channels    | 3                    |
    And the audit trail of "N1" records:
      | actor   | trigger              | from     | to                   |
      | witsawa | start                |          | nominated            |
      | nid     | record the selection | nominated | selected            |
      | nid     | give the certificate | selected | certificate received |
    And the audit trail verifies

  @plan-3-5.4 @plan-3-5.5 @plan-3-5.6 @plan-3-5.7
  Scenario: What the rules forbid is refused and recorded (project 3, items 5.4 to 5.7)
    No division nominates another's staff, no nomination after the closing day, no member
    votes on a nominee of their own division, no result before the committee's resolution,
    no announcement before every nominee is decided, no certificate before the announcement.

    Then "ampai" cannot start an "honours_nomination" case because "nominee's division" with:
      | honours round               | H1                           |
      | nominee                     | Mr Yotha Khayanying          |
      | nominee's division          | Engineering Division         |
      | merits against the criteria | maintains the official cars  |
    Given today is 29 January 2567
    Then "witsawa" cannot start an "honours_nomination" case because "taking nominations" with:
      | honours round               | H1                           |
      | nominee                     | Mr Yotha Khayanying          |
      | nominee's division          | Engineering Division         |
      | merits against the criteria | maintains the official cars  |
    And "nid" cannot fire "record the selection" on "N1" because "no resolution"
    Given today is 31 January 2567
    When "prasert" fires "open the meeting" on "H1" with:
      | present | prasert, wanphen, somsak, nid |
    And "wanphen" fires "declare a tie to a nominee" on "H1" with:
      | nominee  | Mr Changdee Meefimue                 |
      | relation | same division (Engineering Division) |
    Then "wanphen" cannot fire "vote" on "H1" because "same division" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | yes                  |
    When "prasert" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | yes                  |
    And "somsak" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | yes                  |
    And "prasert" fires "record the resolution" on "H1" with:
      | nominee | Mr Changdee Meefimue |
    And "nid" fires "record the selection" on "N1"
    Then "chaiwat" cannot fire "announce the results" on "H1" because "not decided on every nominee" with:
      | results announcement | 5/2567 |
    And "nid" cannot fire "give the certificate" on "N1" because "not been announced" with:
      | certificate number | 1/2567 |
    And the audit trail of "H1" records:
      | actor   | trigger              | from                 | to                  | outcome |
      | system  | close nominations    | taking nominations   | committee selecting | moved   |
      | wanphen | vote                 | committee selecting  |                     | refused |
      | chaiwat | announce the results | committee selecting  |                     | refused |
    And the audit trail verifies

  @plan-3-5.5 @plan-3-5.6
  Scenario: The committee rejects every nominee: no role model this year (project 3, items 5.5 and 5.6)
    Given today is 31 January 2567
    When "prasert" fires "open the meeting" on "H1" with:
      | present | prasert, wanphen, somsak, nid |
    And "prasert" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | no                   |
    And "somsak" fires "vote" on "H1" with:
      | nominee | Mr Changdee Meefimue |
      | vote    | no                   |
    And "prasert" fires "record the resolution" on "H1" with:
      | nominee | Mr Changdee Meefimue |
    And "prasert" fires "vote" on "H1" with:
      | nominee | Ms Banchee Thukthong |
      | vote    | no                   |
    And "wanphen" fires "vote" on "H1" with:
      | nominee | Ms Banchee Thukthong |
      | vote    | no                   |
    And "prasert" fires "record the resolution" on "H1" with:
      | nominee | Ms Banchee Thukthong |
    And "nid" fires "record the rejection" on "N1"
    And "nid" fires "record the rejection" on "N2"
    And "chaiwat" fires "announce the results" on "H1" with:
      | results announcement | 5/2567 |
    Then the report "honours for personnel" for fiscal year 2567 shows:
      | figure               | value |
      | nominees             | 2     |
      | honourees            | 0     |
      | names of the honourees | -     |
      | role models honoured | no    |
    And the audit trail verifies
