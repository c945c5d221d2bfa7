Feature: Moral camp of the Moral School project (integrity plan, project 7)
  Project 7 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: the Moral School project of the PAO's Wor Kaeo Witthaya
  School, for 50 pupils from kindergarten 1 to lower secondary 3. Owner: the school's general
  administration section; budget 10,000 baht a year. Output: the pupils trained in the
  project's course. Outcomes: pupils putting the teachings into practice, and taking in
  morals and ethics, no less than 80 per cent each (follow-up form, teachers' questionnaire,
  good-deeds record).

  Method
  item 1 (tag @plan-7-5.1): make the order appointing the committee for the training.
  item 2 (tag @plan-7-5.2): the committee meets to set the criteria, methods and guidelines.
  item 3 (tag @plan-7-5.3): seek approval of the project under the school's budget and
  supplies rules.
  item 4 (tag @plan-7-5.4): prepare the documents, equipment and venue for the moral camp.
  item 5 (tag @plan-7-5.5): hold the moral camp.
  item 6 (tag @plan-7-5.6): summarise, follow up and evaluate.
  item 7 (tag @plan-7-5.7): report the results.

  The template training_event, in its committee-first order. Names and figures are examples.

  The same scenarios as moral_school_camp.th.feature.

  Background:
    Given "wipa" holds the role "general administration teacher"
    And "somsak" holds the role "school director or approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-7-5.1 @plan-7-5.2 @plan-7-5.3 @plan-7-5.4 @plan-7-5.5 @plan-7-5.6 @plan-7-5.7
  Scenario: Fiscal year 2567: the committee appointed and its criteria set before the approval, the moral camp held, every pupil evaluated and followed up (project 7, items 5.1 to 5.7)
    Given today is 4 December 2566
    When "wipa" starts a "moral_school_camp" case "K1" with:
      | fiscal year | 2567 |
    And "wipa" fires "appoint the committee" with:
      | committee order      | Wor Kaeo Witthaya School order 45/2566                          |
      | organising committee | member=wipa; duty=chair of the organising committee             |
      | organising committee | member=Mr Anurak Thammadee; duty=committee member and secretary |
    And "wipa" fires "set the criteria, methods and guidelines" with:
      | criteria, methods and guidelines | a two-day moral camp with a monk as speaker; each pupil is evaluated and keeps a good-deeds record |
      | camp date                        | 26 January 2567                                                                                    |
      | venue                            | Wor Kaeo Witthaya School hall                                                                      |
      | topics                           | the basic teachings of one's religion, honesty and public spirit                                   |
      | topics                           | resisting corruption                                                                               |
    And "wipa" fires "submit the project for approval" with:
      | project title           | Moral School project: moral camp 2567 |
      | approval memo           | WKW 120/2566                          |
      | amount requested (baht) | 10,000                                |

    Given today is 7 December 2566
    When "somsak" fires "approve the project as the committee set it" with:
      | amount approved (baht) | 10,000 |
    Then the case is in state "criteria set"

    Given today is 10 January 2567
    When "wipa" fires "prepare documents, equipment, venue and invite the pupils" with:
      | speakers     | speaker=Phra Maha Somchai; topic=the basic teachings of one's religion, honesty and public spirit; speaker's organisation=Wat Phra That Lampang Luang |
      | participants | participant=Master Kongphop Jaingam; target group=primary 5                                                                                           |
      | participants | participant=Miss Phimchanok Saendee; target group=primary 6                                                                                           |
      | participants | participant=Master Thanakorn Srisuk; target group=secondary 1                                                                                         |
      | participants | participant=Miss Kanya Khamma; target group=secondary 3                                                                                               |
      | materials    | camp handbooks, good-deeds record books and evaluation forms                                                                                          |
    And "suda" fires "pay the advance" with:
      | advance contract    | 12/2567 |
      | cash advance (baht) | 10,000  |

    Given today is 26 January 2567
    When "wipa" fires "hold the moral camp" with:
      | participants | participant=Master Kongphop Jaingam; present=yes |
      | participants | participant=Miss Phimchanok Saendee; present=yes |
      | participants | participant=Master Thanakorn Srisuk; present=yes |
      | participants | participant=Miss Kanya Khamma; present=yes       |
    Then the case is in state "camp held"
    When "wipa" fires "evaluate the pupils" with:
      | participants | participant=Master Kongphop Jaingam; test score (%)=88 |
      | participants | participant=Miss Phimchanok Saendee; test score (%)=75 |
      | participants | participant=Master Thanakorn Srisuk; test score (%)=92 |
      | participants | participant=Miss Kanya Khamma; test score (%)=64       |

    Given today is 2 February 2567
    When "suda" fires "clear the advance" with:
      | spent, with receipts (baht) | 9,600 |
    And "wipa" fires "report the results" with:
      | results summary | one moral camp, 4 pupils, all passed the evaluation |
      | report memo     | WKW 30/2567                                         |

    Given today is 5 February 2567
    When "wipa" fires "publish on the website" with:
      | publications | item published=Moral camp 2567; channel=Lampang PAO website; published on=5 February 2567 |

    Given today is 15 March 2567
    When "wipa" fires "record the follow-up evaluation" with:
      | follow-up summary | teachers' questionnaire and good-deeds records after six weeks |
      | participants      | participant=Master Kongphop Jaingam; applied (follow-up)=yes   |
      | participants      | participant=Miss Phimchanok Saendee; applied (follow-up)=yes   |
      | participants      | participant=Master Thanakorn Srisuk; applied (follow-up)=yes   |
      | participants      | participant=Miss Kanya Khamma; applied (follow-up)=yes         |
    Then the report "moral school camp results" for fiscal year 2567 shows:
      | figure                                | value  |
      | camps held                            | 1      |
      | pupils trained                        | 4      |
      | target group (people)                 | 50     |
      | pupils who took in the teachings (%)  | 100    |
      | indicator met (80% or more)           | yes    |
      | pupils who put it into practice (%)   | 100    |
      | follow-up indicator met (80% or more) | yes    |
      | budget line (baht)                    | 10,000 |
      | approved (baht)                       | 10,000 |
      | spent (baht)                          | 9,600  |
      | cost per pupil (baht)                 | 2,400  |
    And the audit trail verifies

  @plan-7-5.1 @plan-7-5.3 @plan-7-5.5
  Scenario: No approval as the committee set it without the committee's order, none above the budget line, and no camp before the approval (project 7, items 5.1, 5.3 and 5.5)
    Given today is 4 June 2567
    When "wipa" starts a "moral_school_camp" case "K2" with:
      | fiscal year | 2567 |
    And "wipa" fires "set the criteria, methods and guidelines" with:
      | criteria, methods and guidelines | a one-day moral camp                                             |
      | camp date                        | 28 June 2567                                                     |
      | venue                            | Wor Kaeo Witthaya School hall                                    |
      | topics                           | the basic teachings of one's religion, honesty and public spirit |
    And "wipa" fires "submit the project for approval" with:
      | project title           | Moral camp, second round 2567 |
      | approval memo           | WKW 80/2567                   |
      | amount requested (baht) | 12,000                        |
    Then "somsak" cannot fire "approve the project as the committee set it" because "committee" with:
      | amount approved (baht) | 8,000 |
    And "wipa" cannot fire "hold the moral camp" because "submitted"
    When "somsak" fires "return for revision" with:
      | revision note | appoint the committee first; the amount is above the year's 10,000 baht |
    And "wipa" fires "appoint the committee" with:
      | committee order      | Wor Kaeo Witthaya School order 20/2567              |
      | organising committee | member=wipa; duty=chair of the organising committee |
    And "wipa" fires "submit the project for approval" with:
      | project title           | Moral camp, second round 2567 |
      | approval memo           | WKW 81/2567                   |
      | amount requested (baht) | 12,000                        |
    Then "somsak" cannot fire "approve the project as the committee set it" because "budget line" with:
      | amount approved (baht) | 12,000 |
    And the case is in state "submitted"
    And the audit trail records:
      | actor  | trigger                                     | from      | to | outcome |
      | somsak | approve the project as the committee set it | submitted |    | refused |
      | wipa   | hold the moral camp                         | submitted |    | refused |
      | somsak | approve the project as the committee set it | submitted |    | refused |
    And the audit trail verifies

  @plan-7-5.5 @plan-7-5.6
  Scenario: Half the pupils pass the evaluation and a quarter put it into practice: both outcomes missed (project 7, items 5.5 and 5.6)
    Given today is 4 June 2567
    When "wipa" starts a "moral_school_camp" case "K1" with:
      | fiscal year | 2567 |
    And "wipa" fires "appoint the committee" with:
      | committee order      | Wor Kaeo Witthaya School order 21/2567                          |
      | organising committee | member=wipa; duty=chair of the organising committee             |
      | organising committee | member=Mr Anurak Thammadee; duty=committee member and secretary |
    And "wipa" fires "set the criteria, methods and guidelines" with:
      | criteria, methods and guidelines | a two-day moral camp with a monk as speaker; each pupil is evaluated and keeps a good-deeds record |
      | camp date                        | 5 July 2567                                                                                        |
      | venue                            | Wor Kaeo Witthaya School hall                                                                      |
      | topics                           | the basic teachings of one's religion, honesty and public spirit                                   |
      | topics                           | resisting corruption                                                                               |
    And "wipa" fires "submit the project for approval" with:
      | project title           | Moral School project: moral camp 2567 |
      | approval memo           | WKW 85/2567                           |
      | amount requested (baht) | 6,000                                 |
    And "somsak" fires "approve the project as the committee set it" with:
      | amount approved (baht) | 6,000 |

    Given today is 20 June 2567
    When "wipa" fires "prepare documents, equipment, venue and invite the pupils" with:
      | speakers     | speaker=Phra Maha Somchai; topic=the basic teachings of one's religion, honesty and public spirit; speaker's organisation=Wat Phra That Lampang Luang |
      | participants | participant=Master Kongphop Jaingam; target group=primary 5                                                                                           |
      | participants | participant=Miss Phimchanok Saendee; target group=primary 6                                                                                           |
      | participants | participant=Master Thanakorn Srisuk; target group=secondary 1                                                                                         |
      | participants | participant=Miss Kanya Khamma; target group=secondary 3                                                                                               |
      | materials    | camp handbooks and evaluation forms                                                                                                                   |

    Given today is 5 July 2567
    When "wipa" fires "hold the moral camp" with:
      | participants | participant=Master Kongphop Jaingam; present=yes; test score (%)=80 |
      | participants | participant=Miss Phimchanok Saendee; present=yes; test score (%)=55 |
      | participants | participant=Master Thanakorn Srisuk; present=yes; test score (%)=70 |
      | participants | participant=Miss Kanya Khamma; present=yes; test score (%)=40       |
    And "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 5,200 |
    And "wipa" fires "report the results" with:
      | results summary | 4 pupils, 2 passed the evaluation |
      | report memo     | WKW 95/2567                       |
    And "wipa" fires "publish on the website" with:
      | publications | item published=Moral camp, second round 2567; channel=Lampang PAO website; published on=5 July 2567 |

    Given today is 16 August 2567
    When "wipa" fires "record the follow-up evaluation" with:
      | follow-up summary | teachers' questionnaire after six weeks                      |
      | participants      | participant=Master Kongphop Jaingam; applied (follow-up)=yes |
      | participants      | participant=Miss Phimchanok Saendee; applied (follow-up)=no  |
      | participants      | participant=Master Thanakorn Srisuk; applied (follow-up)=no  |
      | participants      | participant=Miss Kanya Khamma; applied (follow-up)=no        |
    Then the report "moral school camp results" for fiscal year 2567 shows:
      | figure                                | value |
      | pupils who took in the teachings (%)  | 50    |
      | indicator met (80% or more)           | no    |
      | pupils who put it into practice (%)   | 25    |
      | follow-up indicator met (80% or more) | no    |
      | cost per pupil (baht)                 | 1,300 |
    And the audit trail verifies
