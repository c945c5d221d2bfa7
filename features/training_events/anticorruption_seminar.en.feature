Feature: Seminar on preventing and suppressing corruption in the public sector (integrity plan, project 36)
  Project 36 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: the public-sector corruption prevention and suppression
  project (building anti-corruption knowledge). Owner: the Legal Affairs Section, Office of
  the PAO Permanent Secretary. Target group: 150 local executives, council members, officials,
  permanent employees and staff; budget 300,000 baht. Indicators: at least 5 items of
  anti-corruption information or knowledge disseminated, and the participants knowing about
  anti-corruption (the plan gives no figure; this flow measures it with a knowledge test
  against 80 per cent).

  Method
  item 1 (tag @plan-36-5.1): draft the project and seek approval from the one with authority.
  item 2 (tag @plan-36-5.2): coordinate with the agencies concerned to set the approach of
  the training.
  item 3 (tag @plan-36-5.3): hold the seminar on preventing and suppressing corruption in the
  public sector.

  The same shape as project 2 (the template training_event): item 2 carries the team, the
  approach, the speakers, the invitations and the advance; item 3 the seminar, the test, the
  clearance, the report and the dissemination. Names and figures are examples.

  The same scenarios as anticorruption_seminar.th.feature.

  Background:
    Given "arunee" holds the role "legal affairs officer" in the unit "Office of the PAO Permanent Secretary"
    And "chaiwat" holds the role "approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-36-5.1 @plan-36-5.2 @plan-36-5.3
  Scenario: Fiscal year 2567: the seminar is held and 5 items of knowledge disseminated (project 36, items 5.1 to 5.3)
    Given today is 8 January 2567
    When "arunee" starts an "anticorruption_seminar" case "S1" with:
      | fiscal year | 2567 |
    And "arunee" fires "submit for approval" with:
      | project title           | Public-sector corruption prevention and suppression project 2567 |
      | approval memo           | LP 51001/410                                                     |
      | amount requested (baht) | 280,000                                                          |

    Given today is 10 January 2567
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 280,000 |
    Then the case is in state "approved"

    Given today is 12 January 2567
    When "suda" fires "pay the advance" with:
      | advance contract    | 41/2567 |
      | cash advance (baht) | 250,000 |
    And "arunee" fires "assign the team" with:
      | assignment order | Office of the Permanent Secretary order 8/2567 |
      | team             | member=arunee; duty=project coordinator        |
    And "arunee" fires "set the seminar's approach with the agencies concerned" with:
      | format     | a one-day seminar with the provincial NACC office, with a knowledge test |
      | event date | 14 February 2567                                                         |
      | venue      | Lampang PAO council chamber                                              |
      | topics     | the anti-corruption laws                                                 |
      | topics     | conflicts between private and public interest                           |
    Then the case is in state "approach set"

    Given today is 22 January 2567
    When "arunee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Surachai Thiangtham; topic=the anti-corruption laws; speaker's organisation=Lampang provincial NACC office |
      | participants | participant=Mr Boonma Jaisue; target group=local executive        |
      | participants | participant=Mr Somsak Deengam; target group=council member        |
      | participants | participant=Mrs Soonthree Trongpai; target group=council member   |
      | participants | participant=Ms Amporn Saisaat; target group=official              |
      | participants | participant=Mr Weera Manthum; target group=permanent employee     |
      | participants | participant=Ms Napa Sukjai; target group=contract employee        |
      | materials    | the anti-corruption handbook for local government                 |

    Given today is 14 February 2567
    When "arunee" fires "hold the seminar" with:
      | participants | participant=Mr Boonma Jaisue; present=yes      |
      | participants | participant=Mr Somsak Deengam; present=yes     |
      | participants | participant=Mrs Soonthree Trongpai; present=yes |
      | participants | participant=Ms Amporn Saisaat; present=yes     |
      | participants | participant=Mr Weera Manthum; present=yes      |
      | participants | participant=Ms Napa Sukjai; present=yes        |
    And "arunee" fires "record test scores" with:
      | participants | participant=Mr Boonma Jaisue; test score (%)=80      |
      | participants | participant=Mr Somsak Deengam; test score (%)=75     |
      | participants | participant=Mrs Soonthree Trongpai; test score (%)=65 |
      | participants | participant=Ms Amporn Saisaat; test score (%)=90     |
      | participants | participant=Mr Weera Manthum; test score (%)=70      |
      | participants | participant=Ms Napa Sukjai; test score (%)=50        |
    Then the case is in state "seminar held"
    And the case has the data:
      | participants who passed (%) | 83.33 |

    Given today is 1 March 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 240,000 |
    And "arunee" fires "report the results" with:
      | results summary | one seminar, 6 attended, 5 passed the knowledge test |
      | report memo     | LP 51001/450                                         |

    Given today is 4 March 2567
    When "arunee" fires "disseminate anti-corruption knowledge" with:
      | publications | item published=The anti-corruption laws local executives should know; channel=Lampang PAO website; published on=4 March 2567 |
      | publications | item published=Conflicts between private and public interest; channel=Lampang PAO website; published on=4 March 2567 |
      | publications | item published=How to report corruption; channel=notice board; published on=4 March 2567 |

    Given today is 6 March 2567
    When "arunee" fires "disseminate another item" with:
      | publications | item published=Gifts and other benefits for state officials; channel=social media; published on=6 March 2567 |
      | publications | item published=Results of the 2567 anti-corruption seminar; channel=newsletter; published on=6 March 2567 |
    Then the case is in state "published"
    And the report "anti-corruption seminar results" for fiscal year 2567 shows:
      | figure                                          | value   |
      | seminars held                                   | 1       |
      | knowledge items disseminated                    | 5       |
      | 5 items or more disseminated                    | yes     |
      | attended                                        | 6       |
      | passed the knowledge test                       | 5       |
      | participants with anti-corruption knowledge (%) | 83.33   |
      | 80% or more passed                              | yes     |
      | budget line (baht)                              | 300,000 |
      | approved (baht)                                 | 280,000 |
      | spent (baht)                                    | 240,000 |
      | cost per participant (baht)                     | 40,000  |
    And the audit trail of "S1" records:
      | actor   | trigger                               | from      | to           |
      | chaiwat | approve the project                   | submitted | approved     |
      | arunee  | hold the seminar                      | prepared  | seminar held |
      | arunee  | disseminate anti-corruption knowledge | reported  | published    |
    And the audit trail verifies

  @plan-36-5.1 @plan-36-5.3
  Scenario: No seminar before approval or before its day in the schedule, and no negative score (project 36, items 5.1 and 5.3)
    Given today is 8 May 2567
    When "arunee" starts an "anticorruption_seminar" case with:
      | fiscal year | 2567 |
    And "arunee" fires "submit for approval" with:
      | project title           | Public-sector corruption prevention project, second round |
      | approval memo           | LP 51001/510                                              |
      | amount requested (baht) | 20,000                                                    |
    Then "arunee" cannot fire "hold the seminar" because "submitted"
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 20,000 |
    And "arunee" fires "assign the team" with:
      | assignment order | Office of the Permanent Secretary order 20/2567 |
      | team             | member=arunee; duty=project coordinator         |
    And "arunee" fires "set the seminar's approach with the agencies concerned" with:
      | format     | a half-day seminar with a knowledge test |
      | event date | 5 June 2567                              |
      | venue      | Lampang PAO meeting room                 |
      | topics     | the anti-corruption laws                 |
    And "arunee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Surachai Thiangtham; topic=the anti-corruption laws |
      | participants | participant=Mr Boonma Jaisue                                   |
      | materials    | the anti-corruption handbook for local government              |
    Then "arunee" cannot fire "hold the seminar" because "has not come yet" with:
      | participants | participant=Mr Boonma Jaisue; present=yes |

    Given today is 5 June 2567
    When "arunee" fires "hold the seminar" with:
      | participants | participant=Mr Boonma Jaisue; present=yes |
    Then "arunee" cannot fire "record test scores" because "test score (%)" with:
      | participants | participant=Mr Boonma Jaisue; test score (%)=-5 |
    And the audit trail records:
      | actor  | trigger            | from         | to | outcome |
      | arunee | hold the seminar   | submitted    |    | refused |
      | arunee | hold the seminar   | prepared     |    | refused |
      | arunee | record test scores | seminar held |    | refused |
    And the audit trail verifies

  @plan-36-5.3
  Scenario: Only 3 items of knowledge are disseminated, short of the target of 5 (project 36, item 5.3)
    Given today is 8 May 2567
    When "arunee" starts an "anticorruption_seminar" case with:
      | fiscal year | 2567 |
    And "arunee" fires "submit for approval" with:
      | project title           | Public-sector corruption prevention and suppression project |
      | approval memo           | LP 51001/520                                                |
      | amount requested (baht) | 30,000                                                      |
    And "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 30,000 |
    And "arunee" fires "assign the team" with:
      | assignment order | Office of the Permanent Secretary order 21/2567 |
      | team             | member=arunee; duty=project coordinator         |
    And "arunee" fires "set the seminar's approach with the agencies concerned" with:
      | format     | a half-day seminar with a knowledge test |
      | event date | 12 June 2567                             |
      | venue      | Lampang PAO meeting room                 |
      | topics     | the anti-corruption laws                 |
    And "arunee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Surachai Thiangtham; topic=the anti-corruption laws |
      | participants | participant=Mr Boonma Jaisue                                   |
      | participants | participant=Mrs Soonthree Trongpai                             |
      | materials    | training documents                                             |

    Given today is 12 June 2567
    When "arunee" fires "hold the seminar" with:
      | participants | participant=Mr Boonma Jaisue; present=yes; test score (%)=85      |
      | participants | participant=Mrs Soonthree Trongpai; present=yes; test score (%)=90 |
    And "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 24,000 |
    And "arunee" fires "report the results" with:
      | results summary | one seminar, 2 attended |
      | report memo     | LP 51001/560            |
    And "arunee" fires "disseminate anti-corruption knowledge" with:
      | publications | item published=The anti-corruption laws; channel=Lampang PAO website; published on=12 June 2567 |
      | publications | item published=How to report corruption; channel=notice board; published on=12 June 2567 |
      | publications | item published=Results of the seminar; channel=newsletter; published on=12 June 2567 |
    Then the report "anti-corruption seminar results" for fiscal year 2567 shows:
      | figure                                          | value  |
      | seminars held                                   | 1      |
      | knowledge items disseminated                    | 3      |
      | 5 items or more disseminated                    | no     |
      | participants with anti-corruption knowledge (%) | 100    |
      | cost per participant (baht)                     | 12,000 |
    And the audit trail verifies
