Feature: Ethics training for personnel (integrity plan, project 2)
  Project 2 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: ethics training for Lampang PAO personnel to build an
  honest organisational culture. Owner: the Personnel Promotion and Development Section,
  Personnel Division. Target group: 60 staff; budget 200,000 baht. Indicators: one training
  held, and no less than 80 per cent of the personnel understanding the principles of
  ethics (measured with a knowledge test or an evaluation form).

  Method
  item 1 (tag @plan-2-5.1): draft the project and seek approval from the one with authority.
  item 2 (tag @plan-2-5.2): assign the work to those responsible for the project and those
  concerned, to plan and prepare it.
  item 3 (tag @plan-2-5.3): set the format, schedule and topics of the training.
  item 4 (tag @plan-2-5.4): coordinate with the people and agencies concerned to find
  speakers, invite the target group, and prepare the training documents and materials.
  item 5 (tag @plan-2-5.5): carry it out in the format and on the schedule set.
  item 6 (tag @plan-2-5.6): report the results.
  item 7 (tag @plan-2-5.7): publish the project on the local government's website.

  The plan does not write, and this flow adds: the one who drafts the project does not
  approve it; the amount approved stays within the plan's budget line; an advance stays
  within the amount approved and is cleared for no more than was advanced; attendance and
  scores are recorded only for people invited; a score is a percentage (0 to 100), a pass
  60 or more. Names and figures are examples.

  The same scenarios as ethics_training.th.feature.

  Background:
    Given "malee" holds the role "personnel development officer" in the unit "Personnel Division"
    And "chaiwat" holds the role "approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-2-5.1 @plan-2-5.2 @plan-2-5.3 @plan-2-5.4 @plan-2-5.5 @plan-2-5.6 @plan-2-5.7
  Scenario: Fiscal year 2567: the training follows every item of the method and 80 per cent of the participants pass the knowledge test
    Given today is 6 November 2566
    When "malee" starts an "ethics_training" case "T1" with:
      | fiscal year | 2567 |
    And "malee" fires "submit for approval" with:
      | project title            | Ethics training for personnel, fiscal year 2567 |
      | approval memo            | LP 51001/123                                    |
      | amount requested (baht)  | 180,000                                         |
    Then the case is in state "submitted"

    Given today is 8 November 2566
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 180,000 |
    Then the case is in state "approved"
    And the case has the data:
      | approved on | 8 November 2566 |

    Given today is 10 November 2566
    When "malee" fires "assign the team" with:
      | assignment order | Personnel Division order 15/2567                    |
      | team             | member=malee; duty=project coordinator              |
      | team             | member=somporn; duty=registration and evaluation    |
    And "malee" fires "set the training's format, schedule and topics" with:
      | format     | lectures and group work, one day, with knowledge tests before and after |
      | event date | 20 December 2566                                                        |
      | venue      | Lampang PAO meeting room                                                |
      | topics     | the code of ethics of Lampang PAO officials                             |
      | topics     | preventing conflicts of interest at work                                |
    Then the case is in state "programme set"

    Given today is 27 November 2566
    When "malee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Wichai Thammadee; topic=the code of ethics; speaker's organisation=Lampang provincial NACC office |
      | participants | participant=Ms Kamala Jaingam; target group=official          |
      | participants | participant=Mr Prayut Khayandee; target group=permanent employee |
      | participants | participant=Mrs Wilai Srisuk; target group=official           |
      | participants | participant=Mr Thana Meesuk; target group=contract employee   |
      | participants | participant=Ms Pornthip Kaewsai; target group=contract employee |
      | materials    | training documents and the knowledge test                      |
    And "suda" fires "pay the advance" with:
      | advance contract    | 27/2567 |
      | cash advance (baht) | 150,000 |
    Then the case is in state "prepared"
    And the case has the data:
      | invited | 5 |

    Given today is 20 December 2566
    When "malee" fires "hold the training" with:
      | participants | participant=Ms Kamala Jaingam; present=yes   |
      | participants | participant=Mr Prayut Khayandee; present=yes |
      | participants | participant=Mrs Wilai Srisuk; present=yes    |
      | participants | participant=Mr Thana Meesuk; present=yes     |
      | participants | participant=Ms Pornthip Kaewsai; present=yes |
    And "malee" fires "record test scores" with:
      | participants | participant=Ms Kamala Jaingam; test score (%)=85   |
      | participants | participant=Mr Prayut Khayandee; test score (%)=78 |
      | participants | participant=Mrs Wilai Srisuk; test score (%)=90    |
      | participants | participant=Mr Thana Meesuk; test score (%)=72     |
      | participants | participant=Ms Pornthip Kaewsai; test score (%)=55 |
    Then the case is in state "training held"
    And the case has the data:
      | attended                      | 5     |
      | passed                        | 4     |
      | participants who passed (%)   | 80.00 |
      | indicator met                 | yes   |

    Given today is 15 January 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 142,500 |
    And "malee" fires "report the results" with:
      | results summary | one training, 5 attended, 4 passed the knowledge test: 80 per cent |
      | report memo     | LP 51001/201                                                       |
    Then the case is in state "reported"
    And the case has the data:
      | advance returned (baht)     | 7,500     |
      | cost per participant (baht) | 28,500.00 |

    Given today is 17 January 2567
    When "malee" fires "publish the project on the website" with:
      | publications | item published=Ethics training results 2567; channel=Lampang PAO website; web address=https://www.lampangpao.go.th; published on=17 January 2567 |
    Then the case is in state "published"

    Given today is 20 June 2567
    When "malee" fires "record the follow-up evaluation" with:
      | follow-up summary | follow-up evaluation form, six months after the training          |
      | participants      | participant=Ms Kamala Jaingam; applied (follow-up)=yes   |
      | participants      | participant=Mr Prayut Khayandee; applied (follow-up)=yes |
      | participants      | participant=Mrs Wilai Srisuk; applied (follow-up)=yes    |
      | participants      | participant=Mr Thana Meesuk; applied (follow-up)=yes     |
      | participants      | participant=Ms Pornthip Kaewsai; applied (follow-up)=no  |
    And "malee" fires "close the project"
    Then the case is in state "closed"
    And the report "ethics training results" for fiscal year 2567 shows:
      | figure                           | value   |
      | trainings held                   | 1       |
      | invited                          | 5       |
      | attended                         | 5       |
      | passed the knowledge test        | 4       |
      | participants who understand (%)  | 80      |
      | indicator met (80% or more)      | yes     |
      | applied at follow-up (%)         | 80      |
      | budget line (baht)               | 200,000 |
      | approved (baht)                  | 180,000 |
      | spent (baht)                     | 142,500 |
      | cost per participant (baht)      | 28,500  |
      | published on the website         | 1       |
    And the audit trail of "T1" records:
      | actor   | trigger                            | from      | to            |
      | malee   | start                              |           | drafting      |
      | chaiwat | approve the project                | submitted | approved      |
      | malee   | hold the training                  | prepared  | training held |
      | malee   | report the results                 | training held | reported  |
      | malee   | publish the project on the website | reported  | published     |
    And the audit trail verifies

  @plan-2-5.1 @plan-2-5.4 @plan-2-5.5 @plan-2-5.6
  Scenario: What the rules forbid is refused and recorded (project 2, items 5.1, 5.4, 5.5, 5.6)
    No training before approval, no approval by the one who drafted the project, none above
    the plan's budget line, no attendance for someone not invited, no score above 100 per
    cent, no advance cleared for more than was advanced.

    Given today is 6 November 2566
    And "malee" holds the role "approving authority"
    When "malee" starts an "ethics_training" case with:
      | fiscal year | 2567 |
    And "malee" fires "submit for approval" with:
      | project title           | Ethics training for personnel |
      | approval memo           | LP 51001/124                  |
      | amount requested (baht) | 200,000                       |
    Then "malee" cannot fire "hold the training" because "submitted"
    And "malee" cannot fire "approve the project" because "drafter of the project" with:
      | amount approved (baht) | 200,000 |
    And "chaiwat" cannot fire "approve the project" because "budget line" with:
      | amount approved (baht) | 250,000 |

    Given today is 8 November 2566
    When "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 150,000 |
    Then "suda" cannot fire "pay the advance" because "exceeds the amount approved" with:
      | advance contract    | 28/2567 |
      | cash advance (baht) | 160,000 |
    When "suda" fires "pay the advance" with:
      | advance contract    | 28/2567 |
      | cash advance (baht) | 100,000 |
    And "malee" fires "assign the team" with:
      | assignment order | Personnel Division order 16/2567       |
      | team             | member=malee; duty=project coordinator |
    And "malee" fires "set the training's format, schedule and topics" with:
      | format     | lectures, one day, with a knowledge test    |
      | event date | 13 December 2566                            |
      | venue      | Lampang PAO meeting room                    |
      | topics     | the code of ethics of Lampang PAO officials |
    And "malee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Wichai Thammadee; topic=the code of ethics |
      | participants | participant=Ms Kamala Jaingam                         |
      | participants | participant=Mr Prayut Khayandee                       |
      | materials    | training documents                                    |

    Given today is 13 December 2566
    When "malee" fires "hold the training" with:
      | participants | participant=Ms Kamala Jaingam; present=yes  |
      | participants | participant=Mr Prayut Khayandee; present=no |
    Then "malee" cannot fire "record attendance" because "participant" with:
      | participants | participant=Mr Sompong Notinvited; present=yes |
    And "malee" cannot fire "record test scores" because "test score (%)" with:
      | participants | participant=Ms Kamala Jaingam; test score (%)=120 |
    And "malee" cannot fire "record test scores" because "only someone present" with:
      | participants | participant=Mr Prayut Khayandee; test score (%)=70 |
    When "malee" fires "record test scores" with:
      | participants | participant=Ms Kamala Jaingam; test score (%)=82 |
    Then "malee" cannot fire "report the results" because "advance is not cleared" with:
      | results summary | one training  |
      | report memo     | LP 51001/202  |
    And "suda" cannot fire "clear the advance" because "clears more than was advanced" with:
      | spent, with receipts (baht) | 105,000 |
    And the case has the data:
      | attended            | 1       |
      | cash advance (baht) | 100,000 |
    And the audit trail records:
      | actor   | trigger             | from          | to | outcome |
      | malee   | approve the project | submitted     |    | refused |
      | chaiwat | approve the project | submitted     |    | refused |
      | suda    | clear the advance   | training held |    | refused |
    And the audit trail verifies

  @plan-2-5.5 @plan-2-5.6
  Scenario: Only 60 per cent of the participants pass the knowledge test: the 80 per cent indicator is missed (project 2, items 5.5 and 5.6)
    Given today is 7 February 2567
    When "malee" starts an "ethics_training" case with:
      | fiscal year | 2567 |
    And "malee" fires "submit for approval" with:
      | project title           | Ethics training for personnel |
      | approval memo           | LP 51001/301                  |
      | amount requested (baht) | 50,000                        |
    And "chaiwat" fires "approve the project" with:
      | amount approved (baht) | 50,000 |
    And "malee" fires "assign the team" with:
      | assignment order | Personnel Division order 30/2567       |
      | team             | member=malee; duty=project coordinator |
    And "malee" fires "set the training's format, schedule and topics" with:
      | format     | lectures, half a day, with a knowledge test |
      | event date | 13 March 2567                               |
      | venue      | Lampang PAO meeting room                    |
      | topics     | preventing conflicts of interest at work    |
    And "malee" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Ms Wanna Sujarit; topic=conflicts of interest |
      | participants | participant=Mr Kongphop Jaidee     |
      | participants | participant=Ms Chanpen Ngamdee     |
      | participants | participant=Mr Chatree Mankong     |
      | participants | participant=Mrs Duangjai Rakngan   |
      | participants | participant=Mr Ekkachai Suetrong   |
      | materials    | training documents                 |

    Given today is 13 March 2567
    When "malee" fires "hold the training" with:
      | participants | participant=Mr Kongphop Jaidee; present=yes   |
      | participants | participant=Ms Chanpen Ngamdee; present=yes   |
      | participants | participant=Mr Chatree Mankong; present=yes   |
      | participants | participant=Mrs Duangjai Rakngan; present=yes |
      | participants | participant=Mr Ekkachai Suetrong; present=yes |
    And "malee" fires "record test scores" with:
      | participants | participant=Mr Kongphop Jaidee; test score (%)=70   |
      | participants | participant=Ms Chanpen Ngamdee; test score (%)=65   |
      | participants | participant=Mr Chatree Mankong; test score (%)=50   |
      | participants | participant=Mrs Duangjai Rakngan; test score (%)=60 |
      | participants | participant=Mr Ekkachai Suetrong; test score (%)=45 |
    And "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 42,000 |
    And "malee" fires "report the results" with:
      | results summary | 5 attended, 3 passed the knowledge test: 60 per cent, below the target |
      | report memo     | LP 51001/302                                                          |
    Then the case is in state "reported"
    And the case has the data:
      | participants who passed (%) | 60.00 |
      | indicator met               | no    |
    And the report "ethics training results" for fiscal year 2567 shows:
      | figure                          | value |
      | trainings held                  | 1     |
      | attended                        | 5     |
      | passed the knowledge test       | 3     |
      | participants who understand (%) | 60    |
      | indicator met (80% or more)     | no    |
      | cost per participant (baht)     | 8,400 |
      | published on the website        | 0     |
    And the audit trail verifies
