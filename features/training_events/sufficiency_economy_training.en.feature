Feature: Sufficiency Economy training for citizens, in district batches (integrity plan, project 4)
  Project 4 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: promoting living by the Sufficiency Economy philosophy
  (following the royal footsteps, "the King's Science", district level, Lampang), for 800
  citizens of Lampang. Owner: the Office of the PAO Secretary; budget 5,000,000 baht.
  Indicators: 5 batches trained; citizens understanding the philosophy, no less than 80 per
  cent (by the evaluation form); at the follow-up, no less than 80 per cent applying it.

  Method
  item 1 (tag @plan-4-5.1): draft the project for approval by the one with authority.
  item 2 (tag @plan-4-5.2): assign the work to the project's team and those concerned.
  item 3 (tag @plan-4-5.3): set the format, schedule and topics of the training.
  item 4 (tag @plan-4-5.4): coordinate with people and agencies to find speakers, invite the
  target group, prepare the training documents and materials.
  item 5 (tag @plan-4-5.5): hold it as the format and schedule set.
  item 6 (tag @plan-4-5.6): report the results.

  The year's project (sufficiency_economy_training) is the parent of one case per batch
  (sufficiency_economy_batch, the template training_event). Names and figures are examples.

  The same scenarios as sufficiency_economy_training.th.feature.

  Background:
    Given "pattama" holds the role "council secretariat officer"
    And "chaiwat" holds the role "approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-4-5.1 @plan-4-5.2 @plan-4-5.3 @plan-4-5.4 @plan-4-5.5 @plan-4-5.6
  Scenario: Fiscal year 2567: the project approved, five district batches held, each with its attendance, evaluation and advance, then the year reported (project 4, items 5.1 to 5.6)
    Given today is 2 November 2566
    When "pattama" starts a "sufficiency_economy_training" case "P1" with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Sufficiency Economy training for citizens (the King's Science), district level, 2567 |
      | approval memo           | LP 51002/30                                                                          |
      | amount requested (baht) | 4,800,000                                                                            |

    Given today is 7 November 2566
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 4,800,000 |

    Given today is 9 November 2566
    When "pattama" fires "assign the team" with:
      | assignment order | PAO order 1250/2566                            |
      | team             | member=pattama; duty=project coordinator       |
      | team             | member=Mr Anan Saithong; duty=district liaison |
    And "pattama" fires "set the format, topics and the batches" with:
      | format         | one-day lectures and group work per district batch, with an evaluation form               |
      | topics         | the Sufficiency Economy philosophy in daily life                                          |
      | topics         | the serious harm of corruption                                                            |
      | batch schedule | batch=1; district=Mueang Lampang district; planned on=18 January 2567; people planned=160 |
      | batch schedule | batch=2; district=Ko Kha district; planned on=15 February 2567; people planned=160        |
      | batch schedule | batch=3; district=Hang Chat district; planned on=14 March 2567; people planned=160        |
      | batch schedule | batch=4; district=Ngao district; planned on=20 June 2567; people planned=160              |
      | batch schedule | batch=5; district=Chae Hom district; planned on=18 July 2567; people planned=160          |
    Then the case is in state "batches under way"

    Given today is 4 January 2567
    When "pattama" starts a "sufficiency_economy_batch" case "B1" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 1    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 1, Mueang Lampang district |
      | approval memo           | LP 51002/101                     |
      | amount requested (baht) | 950,000                          |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 950,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 11/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures and group work, with an evaluation form |
      | event date | 18 January 2567                                          |
      | venue      | Mueang Lampang district hall                             |
      | topics     | the Sufficiency Economy philosophy in daily life         |
      | topics     | the serious harm of corruption                           |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mr Boonmee Jaidee; target group=citizen                                                                                               |
      | participants | participant=Mrs Sompong Rakna; target group=citizen                                                                                               |
      | participants | participant=Mr Kham Taengdee; target group=citizen                                                                                                |
      | materials    | training documents and evaluation forms                                                                                                           |
    And "suda" fires "pay the advance" with:
      | advance contract    | 41/2567 |
      | cash advance (baht) | 900,000 |

    Given today is 18 January 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mr Boonmee Jaidee; present=yes |
      | participants | participant=Mrs Sompong Rakna; present=yes |
      | participants | participant=Mr Kham Taengdee; present=yes  |
    And "pattama" fires "record the evaluation" with:
      | participants | participant=Mr Boonmee Jaidee; test score (%)=85 |
      | participants | participant=Mrs Sompong Rakna; test score (%)=72 |
      | participants | participant=Mr Kham Taengdee; test score (%)=64  |
    Then the case is in state "batch held"

    Given today is 25 January 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 870,000 |
    And "pattama" fires "report the results" with:
      | results summary | batch 1: 3 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/201                                           |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Sufficiency Economy training, batch 1; channel=Lampang PAO website; published on=25 January 2567 |

    Given today is 1 February 2567
    When "pattama" starts a "sufficiency_economy_batch" case "B2" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 2    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 2, Ko Kha district |
      | approval memo           | LP 51002/102             |
      | amount requested (baht) | 950,000                  |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 950,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 12/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures and group work, with an evaluation form |
      | event date | 15 February 2567                                         |
      | venue      | Ko Kha district hall                                     |
      | topics     | the Sufficiency Economy philosophy in daily life         |
      | topics     | the serious harm of corruption                           |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mrs Bua Phromma; target group=citizen                                                                                                 |
      | participants | participant=Mr Somsri Kaewkam; target group=citizen                                                                                               |
      | participants | participant=Ms Noi Inta; target group=citizen                                                                                                     |
      | materials    | training documents and evaluation forms                                                                                                           |
    And "suda" fires "pay the advance" with:
      | advance contract    | 42/2567 |
      | cash advance (baht) | 900,000 |

    Given today is 15 February 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mrs Bua Phromma; present=yes   |
      | participants | participant=Mr Somsri Kaewkam; present=yes |
      | participants | participant=Ms Noi Inta; present=yes       |
    And "pattama" fires "record the evaluation" with:
      | participants | participant=Mrs Bua Phromma; test score (%)=90   |
      | participants | participant=Mr Somsri Kaewkam; test score (%)=78 |
      | participants | participant=Ms Noi Inta; test score (%)=66       |
    Then the case is in state "batch held"

    Given today is 22 February 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 870,000 |
    And "pattama" fires "report the results" with:
      | results summary | batch 2: 3 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/202                                           |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Sufficiency Economy training, batch 2; channel=Lampang PAO website; published on=22 February 2567 |

    Given today is 29 February 2567
    When "pattama" starts a "sufficiency_economy_batch" case "B3" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 3    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 3, Hang Chat district |
      | approval memo           | LP 51002/103                |
      | amount requested (baht) | 950,000                     |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 950,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 13/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures and group work, with an evaluation form |
      | event date | 14 March 2567                                            |
      | venue      | Hang Chat district hall                                  |
      | topics     | the Sufficiency Economy philosophy in daily life         |
      | topics     | the serious harm of corruption                           |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mr Panya Thongdee; target group=citizen                                                                                               |
      | participants | participant=Mrs Jan Sukkasem; target group=citizen                                                                                                |
      | participants | participant=Mr Dee Wongchai; target group=citizen                                                                                                 |
      | materials    | training documents and evaluation forms                                                                                                           |
    And "suda" fires "pay the advance" with:
      | advance contract    | 43/2567 |
      | cash advance (baht) | 900,000 |

    Given today is 14 March 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mr Panya Thongdee; present=yes |
      | participants | participant=Mrs Jan Sukkasem; present=yes  |
      | participants | participant=Mr Dee Wongchai; present=yes   |
    And "pattama" fires "record the evaluation" with:
      | participants | participant=Mr Panya Thongdee; test score (%)=70 |
      | participants | participant=Mrs Jan Sukkasem; test score (%)=88  |
      | participants | participant=Mr Dee Wongchai; test score (%)=61   |
    Then the case is in state "batch held"

    Given today is 21 March 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 870,000 |
    And "pattama" fires "report the results" with:
      | results summary | batch 3: 3 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/203                                           |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Sufficiency Economy training, batch 3; channel=Lampang PAO website; published on=21 March 2567 |

    Given today is 6 June 2567
    When "pattama" starts a "sufficiency_economy_batch" case "B4" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 4    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 4, Ngao district |
      | approval memo           | LP 51002/104           |
      | amount requested (baht) | 950,000                |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 950,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 14/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures and group work, with an evaluation form |
      | event date | 20 June 2567                                             |
      | venue      | Ngao district hall                                       |
      | topics     | the Sufficiency Economy philosophy in daily life         |
      | topics     | the serious harm of corruption                           |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mrs Kaew Chaiya; target group=citizen                                                                                                 |
      | participants | participant=Mr Sing Kantha; target group=citizen                                                                                                  |
      | participants | participant=Ms Ploy Sriwong; target group=citizen                                                                                                 |
      | materials    | training documents and evaluation forms                                                                                                           |
    And "suda" fires "pay the advance" with:
      | advance contract    | 44/2567 |
      | cash advance (baht) | 900,000 |

    Given today is 20 June 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mrs Kaew Chaiya; present=yes |
      | participants | participant=Mr Sing Kantha; present=yes  |
      | participants | participant=Ms Ploy Sriwong; present=yes |
    And "pattama" fires "record the evaluation" with:
      | participants | participant=Mrs Kaew Chaiya; test score (%)=95 |
      | participants | participant=Mr Sing Kantha; test score (%)=67  |
      | participants | participant=Ms Ploy Sriwong; test score (%)=74 |
    Then the case is in state "batch held"

    Given today is 27 June 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 870,000 |
    And "pattama" fires "report the results" with:
      | results summary | batch 4: 3 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/204                                           |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Sufficiency Economy training, batch 4; channel=Lampang PAO website; published on=27 June 2567 |

    Given today is 4 July 2567
    When "pattama" starts a "sufficiency_economy_batch" case "B5" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 5    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 5, Chae Hom district |
      | approval memo           | LP 51002/105               |
      | amount requested (baht) | 950,000                    |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 950,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 15/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures and group work, with an evaluation form |
      | event date | 18 July 2567                                             |
      | venue      | Chae Hom district hall                                   |
      | topics     | the Sufficiency Economy philosophy in daily life         |
      | topics     | the serious harm of corruption                           |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mr Ming Saengkham; target group=citizen                                                                                               |
      | participants | participant=Mrs Fong Jantha; target group=citizen                                                                                                 |
      | participants | participant=Mr Pan Yodkham; target group=citizen                                                                                                  |
      | materials    | training documents and evaluation forms                                                                                                           |
    And "suda" fires "pay the advance" with:
      | advance contract    | 45/2567 |
      | cash advance (baht) | 900,000 |

    Given today is 18 July 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mr Ming Saengkham; present=yes |
      | participants | participant=Mrs Fong Jantha; present=yes   |
      | participants | participant=Mr Pan Yodkham; present=yes    |
    And "pattama" fires "record the evaluation" with:
      | participants | participant=Mr Ming Saengkham; test score (%)=80 |
      | participants | participant=Mrs Fong Jantha; test score (%)=82   |
      | participants | participant=Mr Pan Yodkham; test score (%)=60    |
    Then the case is in state "batch held"

    Given today is 25 July 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 870,000 |
    And "pattama" fires "report the results" with:
      | results summary | batch 5: 3 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/205                                           |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Sufficiency Economy training, batch 5; channel=Lampang PAO website; published on=25 July 2567 |

    Given today is 1 August 2567
    When "pattama" fires "report the year's results" on "P1" with:
      | results summary | 5 batches, 15 citizens trained, all passed the evaluation |
      | report memo     | LP 51002/330                                              |
    Then the case "P1" is in state "reported"

    Given today is 5 September 2567
    When "pattama" fires "record the follow-up evaluation" on "B1" with:
      | follow-up summary | follow-up form two months after the batch              |
      | participants      | participant=Mr Boonmee Jaidee; applied (follow-up)=yes |
      | participants      | participant=Mrs Sompong Rakna; applied (follow-up)=yes |
      | participants      | participant=Mr Kham Taengdee; applied (follow-up)=yes  |
    And "pattama" fires "record the follow-up evaluation" on "B2" with:
      | follow-up summary | follow-up form two months after the batch              |
      | participants      | participant=Mrs Bua Phromma; applied (follow-up)=yes   |
      | participants      | participant=Mr Somsri Kaewkam; applied (follow-up)=yes |
      | participants      | participant=Ms Noi Inta; applied (follow-up)=no        |
    And "pattama" fires "record the follow-up evaluation" on "B3" with:
      | follow-up summary | follow-up form two months after the batch              |
      | participants      | participant=Mr Panya Thongdee; applied (follow-up)=yes |
      | participants      | participant=Mrs Jan Sukkasem; applied (follow-up)=yes  |
      | participants      | participant=Mr Dee Wongchai; applied (follow-up)=yes   |
    And "pattama" fires "record the follow-up evaluation" on "B4" with:
      | follow-up summary | follow-up form two months after the batch            |
      | participants      | participant=Mrs Kaew Chaiya; applied (follow-up)=yes |
      | participants      | participant=Mr Sing Kantha; applied (follow-up)=yes  |
      | participants      | participant=Ms Ploy Sriwong; applied (follow-up)=yes |
    And "pattama" fires "record the follow-up evaluation" on "B5" with:
      | follow-up summary | follow-up form two months after the batch              |
      | participants      | participant=Mr Ming Saengkham; applied (follow-up)=yes |
      | participants      | participant=Mrs Fong Jantha; applied (follow-up)=yes   |
      | participants      | participant=Mr Pan Yodkham; applied (follow-up)=yes    |
    Then the report "Sufficiency Economy training results" for fiscal year 2567 shows:
      | figure                          | value     |
      | batches held                    | 5         |
      | all 5 batches held              | yes       |
      | attended                        | 15        |
      | target group (people)           | 800       |
      | participants who understand (%) | 100       |
      | indicator met (80% or more)     | yes       |
      | applied at follow-up (%)        | 93.33     |
      | budget line (baht)              | 5,000,000 |
      | project approved (baht)         | 4,800,000 |
      | batches approved (baht)         | 4,750,000 |
      | advanced (baht)                 | 4,500,000 |
      | spent (baht)                    | 4,350,000 |
      | advance returned (baht)         | 150,000   |
      | cost per participant (baht)     | 290,000   |
    And the audit trail verifies

  @plan-4-5.1 @plan-4-5.3 @plan-4-5.5 @plan-4-5.6
  Scenario: No batch before the project plans its batches, no training before the batch is approved, no one not invited, no score above 100, no clearance above the advance (project 4, items 5.1, 5.3, 5.5 and 5.6)
    Given today is 14 November 2566
    When "pattama" starts a "sufficiency_economy_training" case "P1" with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Sufficiency Economy training for citizens (the King's Science), district level, 2567 |
      | approval memo           | LP 51002/40                                                                          |
      | amount requested (baht) | 1,000,000                                                                            |
    Then "pattama" cannot start a "sufficiency_economy_batch" case because "batches under way" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 1    |
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 1,000,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | PAO order 1300/2566                      |
      | team             | member=pattama; duty=project coordinator |
    And "pattama" fires "set the format, topics and the batches" with:
      | format         | a one-day district batch with an evaluation form                                   |
      | topics         | the Sufficiency Economy philosophy in daily life                                   |
      | batch schedule | batch=1; district=Ko Kha district; planned on=14 December 2566; people planned=160 |
    And "pattama" starts a "sufficiency_economy_batch" case "B1" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 1    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 1, Ko Kha district |
      | approval memo           | LP 51002/41              |
      | amount requested (baht) | 1,200,000                |
    Then "pattama" cannot fire "hold the training" because "submitted"
    And "chaiwat" cannot fire "approve the batch" because "budget line" with:
      | amount approved (baht) | 1,200,000 |
    When "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 300,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 20/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures with an evaluation form         |
      | event date | 14 December 2566                                 |
      | venue      | Ko Kha district hall                             |
      | topics     | the Sufficiency Economy philosophy in daily life |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mrs Bua Phromma; target group=citizen                                                                                                 |
      | participants | participant=Mr Somsri Kaewkam; target group=citizen                                                                                               |
      | materials    | training documents                                                                                                                                |
    And "suda" fires "pay the advance" with:
      | advance contract    | 60/2567 |
      | cash advance (baht) | 250,000 |

    Given today is 14 December 2566
    Then "pattama" cannot fire "hold the training" because "participant" with:
      | participants | participant=Mr Sommai Notinvited; present=yes |
    When "pattama" fires "hold the training" with:
      | participants | participant=Mrs Bua Phromma; present=yes   |
      | participants | participant=Mr Somsri Kaewkam; present=yes |
    Then "pattama" cannot fire "record the evaluation" because "test score (%)" with:
      | participants | participant=Mrs Bua Phromma; test score (%)=105 |
    When "pattama" fires "record the evaluation" with:
      | participants | participant=Mrs Bua Phromma; test score (%)=75   |
      | participants | participant=Mr Somsri Kaewkam; test score (%)=68 |

    Given today is 21 December 2566
    Then "suda" cannot fire "clear the advance" because "spent, with receipts (baht)" with:
      | spent, with receipts (baht) | 260,000 |
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 240,000 |
    Then the audit trail of "B1" records:
      | actor   | trigger               | from       | to | outcome |
      | pattama | hold the training     | submitted  |    | refused |
      | chaiwat | approve the batch     | submitted  |    | refused |
      | pattama | hold the training     | prepared   |    | refused |
      | pattama | record the evaluation | batch held |    | refused |
      | suda    | clear the advance     | batch held |    | refused |
    And the audit trail verifies

  @plan-4-5.5 @plan-4-5.6
  Scenario: One batch of five held and a third of its participants pass the evaluation: both indicators missed (project 4, items 5.5 and 5.6)
    Given today is 7 May 2567
    When "pattama" starts a "sufficiency_economy_training" case "P1" with:
      | fiscal year | 2567 |
    And "pattama" fires "submit for approval" with:
      | project title           | Sufficiency Economy training for citizens (the King's Science), district level, 2567 |
      | approval memo           | LP 51002/60                                                                          |
      | amount requested (baht) | 1,000,000                                                                            |
    And "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 1,000,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | PAO order 1300/2566                      |
      | team             | member=pattama; duty=project coordinator |
    And "pattama" fires "set the format, topics and the batches" with:
      | format         | a one-day district batch with an evaluation form                            |
      | topics         | the Sufficiency Economy philosophy in daily life                            |
      | batch schedule | batch=1; district=Ngao district; planned on=30 May 2567; people planned=160 |
    And "pattama" starts a "sufficiency_economy_batch" case "B1" with:
      | fiscal year        | 2567 |
      | the year's project | P1   |
      | batch              | 1    |
    And "pattama" fires "submit the batch for approval" with:
      | project title           | Batch 1, Ngao district |
      | approval memo           | LP 51002/61            |
      | amount requested (baht) | 150,000                |
    And "chaiwat" fires "approve the batch" with:
      | amount approved (baht) | 150,000 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 31/2567 |
      | team             | member=pattama; duty=batch coordinator    |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | one-day lectures with an evaluation form         |
      | event date | 30 May 2567                                      |
      | venue      | Ngao district hall                               |
      | topics     | the Sufficiency Economy philosophy in daily life |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Prasert Phophiang; topic=the Sufficiency Economy philosophy in daily life; speaker's organisation=Lampang community development office |
      | participants | participant=Mrs Kaew Chaiya; target group=citizen                                                                                                 |
      | participants | participant=Mr Sing Kantha; target group=citizen                                                                                                  |
      | participants | participant=Ms Ploy Sriwong; target group=citizen                                                                                                 |
      | materials    | training documents                                                                                                                                |

    Given today is 30 May 2567
    When "pattama" fires "hold the training" with:
      | participants | participant=Mrs Kaew Chaiya; present=yes; test score (%)=70 |
      | participants | participant=Mr Sing Kantha; present=yes; test score (%)=45  |
      | participants | participant=Ms Ploy Sriwong; present=yes; test score (%)=52 |
    And "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 120,000 |
    And "pattama" fires "report the results" with:
      | results summary | 3 citizens trained, 1 passed the evaluation |
      | report memo     | LP 51002/62                                 |
    Then the report "Sufficiency Economy training results" for fiscal year 2567 shows:
      | figure                          | value  |
      | batches held                    | 1      |
      | all 5 batches held              | no     |
      | participants who understand (%) | 33.33  |
      | indicator met (80% or more)     | no     |
      | cost per participant (baht)     | 40,000 |
    And the audit trail verifies
