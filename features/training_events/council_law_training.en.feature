Feature: Training in rules, regulations and laws for executives and council members (integrity plan, project 31)
  Project 31 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: promoting knowledge of rules, regulations and laws for
  executives and local council members (capacity-building training for Lampang PAO
  executives and council members). Owner: the Office of the PAO Secretary; budget 500,000
  baht. Indicators: at least one training a year, and the executives and council members
  knowing the laws and regulations, no less than 80 per cent of the trainees.

  Method
  item 1 (tag @plan-31-5.1): draft the project or work plan.
  item 2 (tag @plan-31-5.2): set the content framework for promoting knowledge of rules,
  regulations and laws for executives and local council members.
  item 3 (tag @plan-31-5.3): prepare the training: the schedule, the speakers, the training
  documents, the venue, the invitations to the target group.
  item 4 (tag @plan-31-5.4): give the training as scheduled.
  item 5 (tag @plan-31-5.5): evaluate and summarise the results.
  item 6 (tag @plan-31-5.6): report the results.

  The same shape as project 2 (the template training_event). Names and figures are examples.

  The same scenarios as council_law_training.th.feature.

  Background:
    Given "pattama" holds the role "council secretariat officer"
    And "chaiwat" holds the role "approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-31-5.1 @plan-31-5.2 @plan-31-5.3 @plan-31-5.4 @plan-31-5.5 @plan-31-5.6
  Scenario: Fiscal year 2567: one training for executives and council members, every trainee passes the evaluation (project 31, items 5.1 to 5.6)
    Given today is 4 December 2566
    When "pattama" starts a "council_law_training" case "C1" with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Capacity-building training for Lampang PAO executives and council members 2567 |
      | approval memo           | LP 51002/77                                                                    |
      | amount requested (baht) | 450,000                                                                        |

    Given today is 6 December 2566
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 450,000 |

    Given today is 8 December 2566
    When "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 3/2567 |
      | team             | member=pattama; duty=project coordinator |
    And "pattama" fires "set the content framework and schedule" with:
      | format     | lectures and case studies, one day, with a knowledge evaluation |
      | event date | 17 January 2567                                                 |
      | venue      | Lampang PAO council chamber                                     |
      | topics     | the Provincial Administrative Organization Act B.E. 2540        |
      | topics     | the finance, fiscal and procurement rules of local government   |
    Then the case is in state "content framework set"

    Given today is 18 December 2566
    When "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Amnat Nititham; topic=the PAO Act; speaker's organisation=Lampang provincial local administration office |
      | participants | participant=Mr Somboon Rakthin; target group=executive        |
      | participants | participant=Mr Kriangkrai Jaikwang; target group=council member |
      | participants | participant=Mrs Rattana Pattana; target group=council member  |
      | participants | participant=Mr Udom Thamdee; target group=council member      |
      | materials    | training documents on the laws and regulations                |
    And "suda" fires "pay the advance" with:
      | advance contract    | 55/2567 |
      | cash advance (baht) | 400,000 |

    Given today is 17 January 2567
    When "pattama" fires "give the training as scheduled" with:
      | participants | participant=Mr Somboon Rakthin; present=yes    |
      | participants | participant=Mr Kriangkrai Jaikwang; present=yes |
      | participants | participant=Mrs Rattana Pattana; present=yes   |
      | participants | participant=Mr Udom Thamdee; present=yes       |
    And "pattama" fires "evaluate the trainees" with:
      | participants | participant=Mr Somboon Rakthin; test score (%)=88    |
      | participants | participant=Mr Kriangkrai Jaikwang; test score (%)=76 |
      | participants | participant=Mrs Rattana Pattana; test score (%)=80   |
      | participants | participant=Mr Udom Thamdee; test score (%)=62       |
    Then the case is in state "training given"

    Given today is 2 February 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 380,000 |
    And "pattama" fires "report the results" with:
      | results summary | one training, 4 trainees, all passed the evaluation |
      | report memo     | LP 51002/110                                        |

    Given today is 5 February 2567
    When "pattama" fires "publish on the website" with:
      | publications | item published=Results of the 2567 training for executives and council members; channel=Lampang PAO website; published on=5 February 2567 |
    Then the case is in state "published"
    And the report "law training for executives and council members" for fiscal year 2567 shows:
      | figure                             | value   |
      | trainings held                     | 1       |
      | attended                           | 4       |
      | trainees with the knowledge (%)    | 100     |
      | indicator met (80% or more)        | yes     |
      | budget line (baht)                 | 500,000 |
      | spent (baht)                       | 380,000 |
      | cost per participant (baht)        | 95,000  |
    And the audit trail verifies

  @plan-31-5.1 @plan-31-5.4
  Scenario: The drafter cannot approve the project, and no attendance is recorded for someone not invited (project 31, items 5.1 and 5.4)
    Given today is 3 April 2567
    And "pattama" holds the role "approving authority"
    When "pattama" starts a "council_law_training" case with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Law training for council members, second round |
      | approval memo           | LP 51002/201                                   |
      | amount requested (baht) | 50,000                                         |
    Then "pattama" cannot fire "approve the project" because "drafter of the project" with:
      | amount approved (baht) | 50,000 |
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 50,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 9/2567 |
      | team             | member=pattama; duty=project coordinator |
    And "pattama" fires "set the content framework and schedule" with:
      | format     | a half-day lecture with a knowledge evaluation |
      | event date | 5 April 2567                                   |
      | venue      | Lampang PAO council chamber                    |
      | topics     | the standing orders of local councils          |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Amnat Nititham; topic=the standing orders of local councils |
      | participants | participant=Mr Kriangkrai Jaikwang                                     |
      | materials    | training documents                                                     |

    Given today is 5 April 2567
    Then "pattama" cannot fire "give the training as scheduled" because "participant" with:
      | participants | participant=Mr Sommai Notinvited; present=yes |
    And the case is in state "prepared"
    And the audit trail verifies

  @plan-31-5.5 @plan-31-5.6
  Scenario: Only 50 per cent of the trainees pass the evaluation: the 80 per cent indicator is missed (project 31, items 5.5 and 5.6)
    Given today is 3 April 2567
    When "pattama" starts a "council_law_training" case with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Law training for council members, second round |
      | approval memo           | LP 51002/202                                   |
      | amount requested (baht) | 40,000                                         |
    And "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 40,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 10/2567 |
      | team             | member=pattama; duty=project coordinator  |
    And "pattama" fires "set the content framework and schedule" with:
      | format     | a half-day lecture with a knowledge evaluation |
      | event date | 15 May 2567                                    |
      | venue      | Lampang PAO council chamber                    |
      | topics     | the standing orders of local councils          |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Amnat Nititham; topic=the standing orders of local councils |
      | participants | participant=Mr Kriangkrai Jaikwang |
      | participants | participant=Mrs Rattana Pattana    |
      | materials    | training documents                 |

    Given today is 15 May 2567
    When "pattama" fires "give the training as scheduled" with:
      | participants | participant=Mr Kriangkrai Jaikwang; present=yes; test score (%)=70 |
      | participants | participant=Mrs Rattana Pattana; present=yes; test score (%)=40    |
    And "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 36,000 |
    And "pattama" fires "report the results" with:
      | results summary | 2 trainees, 1 passed the evaluation |
      | report memo     | LP 51002/250                        |
    Then the report "law training for executives and council members" for fiscal year 2567 shows:
      | figure                          | value  |
      | trainings held                  | 1      |
      | trainees with the knowledge (%) | 50     |
      | indicator met (80% or more)     | no     |
      | cost per participant (baht)     | 18,000 |
    And the audit trail verifies
