Feature: The code of ethics measure of Lampang PAO (integrity plan, project 1)
  Measure "promoting work according to the Code of Ethics of Lampang Provincial
  Administrative Organization", anti-corruption action plan, fiscal years B.E. 2566-2570.
  Owner: the Discipline and Integrity Section, Personnel Division.
  Target group: executives, council members, officials, permanent employees and contract
  staff, 395 people.
  Outputs: the code is published on at least 3 channels, and at least 80 per cent of the
  target group know and understand how to conduct themselves by the code (surveyed by
  evaluation form). Outcome: the target group complies with the code (follow-up survey).

  Method
  item 1 (tag @plan-1-5.1): prepare the measure and seek approval from the one with authority.
  item 2 (tag @plan-1-5.2): set the guidelines, form and channels of publishing the code to
  the people of the organization and to the public.
  item 3 (tag @plan-1-5.3): coordinate the persons and units concerned.
  item 4 (tag @plan-1-5.4): publish the code as the organization's values, for every official
  to hold as a guide beside the regulations.
  item 5 (tag @plan-1-5.5): publicise the code and disclose it to the public, so that the
  public knows it and follows it up (section 9 paragraph one (8), Official Information Act
  B.E. 2540).
  item 6 (tag @plan-1-5.6): evaluate and follow up.
  item 7 (tag @plan-1-5.7): report the results.

  The plan does not say who has the authority: here the executive approves, and the one who
  drafted the measure may not. The survey figures are examples, not real results.

  The same scenarios as ethics_code.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the role "coordinator" in the unit "Personnel Division"
    And "sompong" holds the role "executive"

  @plan-1-5.1 @plan-1-5.2 @plan-1-5.3 @plan-1-5.4 @plan-1-5.5 @plan-1-5.6 @plan-1-5.7
  Scenario: The code of ethics measure of fiscal year 2567, from the measure to the report (items 1 to 7)
    The Discipline and Integrity Section drafts the measure and the executive approves it
    (item 1); the guidelines, form and 3 channels reaching staff and the public are set
    (item 2); the units and the public relations section are coordinated (item 3); the code
    is published to staff (item 4) and disclosed to the public on the website (item 5); the
    awareness survey and the follow-up of compliance are recorded (item 6); the results are
    reported (item 7).

    When "malee" starts an "ethics_code_measure" case with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" with:
      | measure title | Code of ethics measure, fiscal year 2567  |
      | approval memo | Personnel Division memo LP 51003/101      |
    Then the case is in state "measure submitted"

    Given today is 4 October 2566
    When "sompong" fires "approve the measure"
    Then the case is in state "measure approved"

    Given today is 9 October 2566
    When "malee" fires "set the guidelines and channels" with:
      | publication guidelines | every member of staff holds the code as a guide; the public follows it up |
      | publication form       | circular letters, announcements and electronic documents                 |
      | channels set           | channel=circular letter to every unit; audience=people of the organization |
      | channels set           | channel=notice board in the office; audience=people of the organization    |
      | channels set           | channel=Lampang PAO website; audience=the public                           |
    Then the case is in state "guidelines and channels set"
    And the case has the data:
      | channels planned | 3 |

    Given today is 11 October 2566
    When "malee" fires "record coordination" with:
      | coordination | person or unit=every division; what was arranged=circulate the code for staff to sign; coordinated on=11 October 2566 |
      | coordination | person or unit=public relations section; what was arranged=put the code on the website; coordinated on=11 October 2566 |
    Then the case is in state "coordinated"

    Given today is 16 October 2566
    When "malee" fires "publish the code to staff" with:
      | publications of the code | publication channel=circular letter to every unit; published to=people of the organization; published on=16 October 2566; address or place=letter LP 51003/W 220 |
      | publications of the code | publication channel=notice board in the office; published to=people of the organization; published on=16 October 2566 |
    Then the case is in state "published to staff"

    Given today is 17 October 2566
    When "malee" fires "disclose the code to the public" with:
      | publications of the code | publication channel=Lampang PAO website; published to=the public; published on=17 October 2566; address or place=https://www.lampangpao.go.th/ita/o-ethics |
    Then the case is in state "disclosed to the public"
    And the case has the data:
      | channels published on | 3   |
      | channel target met    | yes |

    Given today is 18 March 2567
    When "malee" fires "record the awareness survey" with:
      | awareness survey date      | 15 March 2567 |
      | survey respondents         | 340           |
      | respondents who understand | 298           |
    Then the case is in state "awareness surveyed"
    And the case has the data:
      | awareness rate (%)     | 87.65 |
      | awareness target met   | yes   |

    Given today is 5 August 2567
    When "malee" fires "record the follow-up" with:
      | follow-up date         | 2 August 2567 |
      | follow-up respondents  | 300           |
      | respondents who comply | 285           |
      | follow-up findings     | no breach amounting to a disciplinary offence; review the channels reaching contract staff |
    Then the case has the data:
      | compliance rate (%) | 95.00 |

    Given today is 2 September 2567
    When "malee" fires "report the results" with:
      | results summary | published on 3 channels; 87.65% understand; 95% comply |
    Then the case is in state "results reported"
    And the report "ethics_code" for fiscal year 2567 shows:
      | figure                            | value  |
      | channels planned                  | 3      |
      | channels the code is published on | 3      |
      | channel target                    | 3      |
      | published on at least 3 channels  | yes    |
      | target group                      | 395    |
      | survey respondents                | 340    |
      | awareness rate (%)                | 87.65  |
      | awareness target (%)              | 80     |
      | at least 80% understand           | yes    |
      | target group surveyed (%)         | 86.08  |
      | compliance rate (%)               | 95     |
      | results reported                  | yes    |
    And the audit trail records:
      | actor   | trigger                           | from                        | to                          |
      | malee   | open the year                     |                             | drafting the measure        |
      | malee   | submit the measure                | drafting the measure        | measure submitted           |
      | sompong | approve the measure               | measure submitted           | measure approved            |
      | malee   | set the guidelines and channels   | measure approved            | guidelines and channels set |
      | malee   | record coordination               | guidelines and channels set | coordinated                 |
      | malee   | publish the code to staff         | coordinated                 | published to staff          |
      | malee   | disclose the code to the public   | published to staff          | disclosed to the public     |
      | malee   | record the awareness survey       | disclosed to the public     | awareness surveyed          |
      | malee   | record the follow-up              | awareness surveyed          | followed up                 |
      | malee   | report the results                | followed up                 | results reported            |
    And the audit trail verifies

  @plan-1-5.1 @plan-1-5.2 @plan-1-5.4 @plan-1-5.5
  Scenario: No publication before approval, no self-approval, at least 3 channels, and a public disclosure says where to inspect it (items 1, 2, 4 and 5)
    Manop, who also holds the executive's delegated authority, drafts the measure, so he may
    not approve it. While the measure is not approved the code cannot be published. Guidelines
    with only 2 channels are refused, and so is a public disclosure without the address where
    the public may inspect it under section 9 of the Official Information Act. A fiscal year
    has one case.

    Given "manop" holds the roles "coordinator" and "executive"
    When "manop" starts an "ethics_code_measure" case with:
      | fiscal year | 2567 |
    Then "malee" cannot start an "ethics_code_measure" case because "already has a code of ethics measure case" with:
      | fiscal year | 2567 |
    When "manop" fires "submit the measure" with:
      | measure title | Code of ethics measure, fiscal year 2567  |
      | approval memo | Personnel Division memo LP 51003/101      |
    Then "manop" cannot fire "publish the code to staff" because "measure submitted" with:
      | publications of the code | publication channel=circular letter to every unit; published to=people of the organization; published on=2 October 2566 |
    And "manop" cannot fire "approve the measure" because "drafter of the measure"
    And "malee" cannot fire "approve the measure" because "executive"
    When "sompong" fires "approve the measure"
    Then "malee" cannot fire "set the guidelines and channels" because "at least 3 channels" with:
      | publication guidelines | every member of staff holds the code as a guide |
      | publication form       | circular letters and electronic documents       |
      | channels set           | channel=circular letter to every unit; audience=people of the organization |
      | channels set           | channel=Lampang PAO website; audience=the public                           |
    When "malee" fires "set the guidelines and channels" with:
      | publication guidelines | every member of staff holds the code as a guide |
      | publication form       | circular letters and electronic documents       |
      | channels set           | channel=circular letter to every unit; audience=people of the organization    |
      | channels set           | channel=monthly meeting of heads of unit; audience=people of the organization |
      | channels set           | channel=Lampang PAO website; audience=the public                              |
    And "malee" fires "record coordination" with:
      | coordination | person or unit=every division; what was arranged=circulate the code; coordinated on=2 October 2566 |
    And "malee" fires "publish the code to staff" with:
      | publications of the code | publication channel=circular letter to every unit; published to=people of the organization; published on=2 October 2566 |
    Then "malee" cannot fire "disclose the code to the public" because "section 9 paragraph one (8)" with:
      | publications of the code | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566 |
    And the case is in state "published to staff"
    And the audit trail records:
      | actor   | trigger                         | from                        | to                          | outcome |
      | manop   | open the year                   |                             | drafting the measure        | moved   |
      | manop   | submit the measure              | drafting the measure        | measure submitted           | moved   |
      | manop   | publish the code to staff       | measure submitted           |                             | refused |
      | manop   | approve the measure             | measure submitted           |                             | refused |
      | malee   | approve the measure             | measure submitted           |                             | refused |
      | sompong | approve the measure             | measure submitted           | measure approved            | moved   |
      | malee   | set the guidelines and channels | measure approved            |                             | refused |
      | malee   | set the guidelines and channels | measure approved            | guidelines and channels set | moved   |
      | malee   | record coordination             | guidelines and channels set | coordinated                 | moved   |
      | malee   | publish the code to staff       | coordinated                 | published to staff          | moved   |
      | malee   | disclose the code to the public | published to staff          |                             | refused |
    And the audit trail verifies

  @plan-1-5.4 @plan-1-5.5 @plan-1-5.6 @plan-1-5.7
  Scenario: Published on only 2 channels and fewer than 80 per cent aware: both targets missed (items 4 to 7)
    The guidelines set 3 channels, but the code is published on one channel to staff and one
    to the public. Of 200 respondents 150 understand the code (75 per cent). A survey with
    more aware than respondents is refused. The results can still be reported, and the report
    shows both targets missed.

    When "malee" starts an "ethics_code_measure" case with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" with:
      | measure title | Code of ethics measure, fiscal year 2567  |
      | approval memo | Personnel Division memo LP 51003/101      |
    And "sompong" fires "approve the measure"
    And "malee" fires "set the guidelines and channels" with:
      | publication guidelines | every member of staff holds the code as a guide |
      | publication form       | circular letters and electronic documents       |
      | channels set           | channel=circular letter to every unit; audience=people of the organization    |
      | channels set           | channel=monthly meeting of heads of unit; audience=people of the organization |
      | channels set           | channel=Lampang PAO website; audience=the public                              |
    And "malee" fires "record coordination" with:
      | coordination | person or unit=every division; what was arranged=circulate the code; coordinated on=2 October 2566 |
    And "malee" fires "publish the code to staff" with:
      | publications of the code | publication channel=circular letter to every unit; published to=people of the organization; published on=2 October 2566 |
    And "malee" fires "disclose the code to the public" with:
      | publications of the code | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566; address or place=https://www.lampangpao.go.th/ita/o-ethics |
    Then the case has the data:
      | channels published on | 2  |
      | channel target met    | no |

    Given today is 18 March 2567
    Then "malee" cannot fire "record the awareness survey" because "more respondents understand than answered" with:
      | awareness survey date      | 15 March 2567 |
      | survey respondents         | 150           |
      | respondents who understand | 200           |
    When "malee" fires "record the awareness survey" with:
      | awareness survey date      | 15 March 2567 |
      | survey respondents         | 200           |
      | respondents who understand | 150           |
    Then the case has the data:
      | awareness rate (%)   | 75.00 |
      | awareness target met | no    |

    Given today is 5 August 2567
    When "malee" fires "record the follow-up" with:
      | follow-up date         | 2 August 2567 |
      | follow-up respondents  | 180           |
      | respondents who comply | 162           |
      | follow-up findings     | add channels and hold a briefing |
    And "malee" fires "report the results" with:
      | results summary | 2 channels against a target of 3; 75% understand against a target of 80% |
    Then the case is in state "results reported"
    And the report "ethics_code" for fiscal year 2567 shows:
      | figure                            | value |
      | channels the code is published on | 2     |
      | published on at least 3 channels  | no    |
      | awareness rate (%)                | 75    |
      | at least 80% understand           | no    |
      | target group surveyed (%)         | 50.63 |
      | compliance rate (%)               | 90    |
    And the audit trail verifies
