Feature: Capacity of the PAO council members (integrity plan, project 32)
  Project 32 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: promoting and developing the capacity of local council
  members, for the 30 members of the Lampang PAO council. Owner: the Office of the PAO
  Secretary; no budget. Outputs: members knowing their roles and powers and acting by the
  laws; members applying it in inspecting the executive; a knowledge session at least once
  a year.

  Method
  item 1 (tag @plan-32-14.1): compile a handbook of the related laws and rules for the
  members to use in meetings.
  item 2 (tag @plan-32-14.2): give knowledge of the members' roles and powers, the council's
  standing orders, how the council inspects, asking questions and the related laws, at
  least once a year.
  item 3 (tag @plan-32-14.3): appoint council members to committees inspecting the PAO's
  work: procurement, projects, the yearly budget bill, the minutes, the monitoring of the
  development plan, the anti-corruption plan.

  The year (council_capacity) is the parent of one case per session (council_capacity_session,
  the template training_event). Names and figures are examples.

  The same scenarios as council_capacity.th.feature.

  Background:
    Given "pattama" holds the role "council secretariat officer"
    And "chaiwat" holds the role "approving authority"
    And "suda" holds the role "finance officer" in the unit "Finance Division"

  @plan-32-14.1 @plan-32-14.2 @plan-32-14.3
  Scenario: Fiscal year 2567: the handbook given to every member, one knowledge session with attendance and evaluation, members appointed to oversight committees (project 32, items 14.1 to 14.3)
    Given today is 16 October 2566
    When "pattama" starts a "council_capacity" case "Y1" with:
      | fiscal year     | 2567                                                         |
      | council members | member=Mr Kriangkrai Jaikwang; constituency=Mueang Lampang 1 |
      | council members | member=Mrs Rattana Pattana; constituency=Ko Kha 1            |
      | council members | member=Mr Udom Thamdee; constituency=Hang Chat 1             |
      | council members | member=Mrs Sunee Kaewmala; constituency=Ngao 1               |

    Given today is 1 November 2566
    When "pattama" fires "compile the handbook" with:
      | handbook title          | Handbook of laws and rules for Lampang PAO council members                                  |
      | handbook edition        | edition 2567                                                                                |
      | laws and rules compiled | the Provincial Administrative Organization Act B.E. 2540                                    |
      | laws and rules compiled | the Ministry of Interior's regulation on the standing orders of local councils B.E. 2547    |
      | laws and rules compiled | the Ministry of Interior's regulation on the budget procedure of local government B.E. 2563 |
      | laws and rules compiled | the Public Procurement and Supplies Administration Act B.E. 2560                            |
    Then the case is in state "under way"

    Given today is 3 November 2566
    When "pattama" fires "give the handbook to the members" with:
      | council members | member=Mr Kriangkrai Jaikwang; handbook received on=3 November 2566 |
      | council members | member=Mrs Rattana Pattana; handbook received on=3 November 2566    |
      | council members | member=Mr Udom Thamdee; handbook received on=3 November 2566        |
      | council members | member=Mrs Sunee Kaewmala; handbook received on=3 November 2566     |

    Given today is 6 November 2566
    When "pattama" starts a "council_capacity_session" case "S1" with:
      | fiscal year         | 2567 |
      | the year's activity | Y1   |
    And "pattama" fires "submit the session for approval" with:
      | project title           | Knowledge session on council members' roles and powers 2567 |
      | approval memo           | LP 51002/500                                                |
      | amount requested (baht) | 0                                                           |
    And "chaiwat" fires "approve the session" with:
      | amount approved (baht) | 0 |
    And "pattama" fires "assign the team" with:
      | assignment order | Office of the PAO Secretary order 40/2567 |
      | team             | member=pattama; duty=session coordinator  |
    And "pattama" fires "set the format, schedule and topics" with:
      | format     | a half-day lecture before the council's session, with an evaluation |
      | event date | 22 November 2566                                                    |
      | venue      | Lampang PAO council chamber                                         |
      | topics     | the roles and powers of council members                             |
      | topics     | the council's standing orders, how it inspects, asking questions    |
    And "pattama" fires "find speakers, invite and prepare" with:
      | speakers     | speaker=Mr Amnat Nititham; topic=the roles and powers of council members; speaker's organisation=Lampang provincial local administration office |
      | participants | participant=Mr Kriangkrai Jaikwang; target group=council member                                                                                 |
      | participants | participant=Mrs Rattana Pattana; target group=council member                                                                                    |
      | participants | participant=Mr Udom Thamdee; target group=council member                                                                                        |
      | participants | participant=Mrs Sunee Kaewmala; target group=council member                                                                                     |
      | materials    | Handbook of laws and rules for Lampang PAO council members                                                                                      |

    Given today is 22 November 2566
    When "pattama" fires "hold the session" with:
      | participants | participant=Mr Kriangkrai Jaikwang; present=yes |
      | participants | participant=Mrs Rattana Pattana; present=yes    |
      | participants | participant=Mr Udom Thamdee; present=yes        |
      | participants | participant=Mrs Sunee Kaewmala; present=yes     |
    And "pattama" fires "evaluate the members" with:
      | participants | participant=Mr Kriangkrai Jaikwang; test score (%)=82 |
      | participants | participant=Mrs Rattana Pattana; test score (%)=74    |
      | participants | participant=Mr Udom Thamdee; test score (%)=90        |
      | participants | participant=Mrs Sunee Kaewmala; test score (%)=66     |
    Then the case is in state "session held"
    When "suda" fires "record spending without an advance" with:
      | spent, with receipts (baht) | 0 |
    And "pattama" fires "report the results" with:
      | results summary | 4 members attended, all passed the evaluation |
      | report memo     | LP 51002/540                                  |
    And "pattama" fires "publish on the website" with:
      | publications | item published=Knowledge session for council members 2567; channel=Lampang PAO website; published on=22 November 2566 |

    Given today is 7 December 2566
    When "pattama" fires "appoint members to an oversight committee" on "Y1" with:
      | appointment orders | order or resolution=PAO order 1400/2566; committee=the development-plan monitoring committee; kind of committee=development-plan monitoring committee; appointed on=7 December 2566 |
      | council members    | member=Mr Kriangkrai Jaikwang; committees appointed to=the development-plan monitoring committee                                                                                    |

    Given today is 15 March 2567
    When "pattama" fires "record the follow-up evaluation" on "S1" with:
      | follow-up summary | follow-up form: questions asked and inspections made since the session |
      | participants      | participant=Mr Kriangkrai Jaikwang; applied (follow-up)=yes            |
      | participants      | participant=Mrs Rattana Pattana; applied (follow-up)=yes               |
      | participants      | participant=Mr Udom Thamdee; applied (follow-up)=yes                   |
      | participants      | participant=Mrs Sunee Kaewmala; applied (follow-up)=no                 |

    Given today is 15 August 2567
    When "pattama" fires "appoint members to an oversight committee" on "Y1" with:
      | appointment orders | order or resolution=council resolution, ordinary session 3/2567; committee=the committee scrutinising the budget bill for 2568; kind of committee=council committee (standing or ad hoc); appointed on=15 August 2567 |
      | council members    | member=Mrs Rattana Pattana; committees appointed to=the committee scrutinising the budget bill for 2568                                                                                                               |
      | council members    | member=Mr Udom Thamdee; committees appointed to=the committee scrutinising the budget bill for 2568                                                                                                                   |
      | council members    | member=Mrs Sunee Kaewmala; committees appointed to=the committee scrutinising the budget bill for 2568                                                                                                                |

    Given today is 5 September 2567
    When "pattama" fires "report the year's results" on "Y1" with:
      | results summary | handbook given to 4 members, one session, two appointment orders |
      | report memo     | LP 51002/900                                                     |
    Then the case "Y1" is in state "reported"
    And the report "council members' capacity results" for fiscal year 2567 shows:
      | figure                                 | value |
      | council members                        | 4     |
      | handbook compiled                      | 1     |
      | members with the handbook (%)          | 100   |
      | knowledge sessions held                | 1     |
      | at least one session a year            | yes   |
      | attended                               | 4     |
      | members who understand their roles (%) | 100   |
      | applied in oversight at follow-up (%)  | 75    |
      | appointment orders                     | 2     |
      | members on a committee                 | 4     |
    And the audit trail verifies

  @plan-32-14.1 @plan-32-14.3
  Scenario: No handbook given before it is compiled or to someone not on the council's list, no seat written while giving it out, no appointment of someone not a member, no year's report while a member lacks the handbook (project 32, items 14.1 and 14.3)
    Given today is 16 October 2566
    When "pattama" starts a "council_capacity" case "Y1" with:
      | fiscal year     | 2567                                                         |
      | council members | member=Mr Kriangkrai Jaikwang; constituency=Mueang Lampang 1 |
      | council members | member=Mrs Rattana Pattana; constituency=Ko Kha 1            |
      | council members | member=Mr Udom Thamdee; constituency=Hang Chat 1             |
      | council members | member=Mrs Sunee Kaewmala; constituency=Ngao 1               |
    Then "pattama" cannot fire "give the handbook to the members" because "compiling the handbook" with:
      | council members | member=Mr Kriangkrai Jaikwang; handbook received on=16 October 2566 |
    When "pattama" fires "compile the handbook" with:
      | handbook title          | Handbook of laws and rules for Lampang PAO council members                               |
      | handbook edition        | edition 2567                                                                             |
      | laws and rules compiled | the Provincial Administrative Organization Act B.E. 2540                                 |
      | laws and rules compiled | the Ministry of Interior's regulation on the standing orders of local councils B.E. 2547 |
    Then "pattama" cannot fire "give the handbook to the members" because "member" with:
      | council members | member=Mr Sommai Notamember; handbook received on=16 October 2566 |
    And "pattama" cannot fire "give the handbook to the members" because "committees appointed to" with:
      | council members | member=Mr Kriangkrai Jaikwang; handbook received on=16 October 2566; committees appointed to=the committee inspecting the PAO's road works |
    When "pattama" fires "give the handbook to the members" with:
      | council members | member=Mr Kriangkrai Jaikwang; handbook received on=16 October 2566 |
      | council members | member=Mrs Rattana Pattana; handbook received on=16 October 2566    |
      | council members | member=Mr Udom Thamdee; handbook received on=16 October 2566        |
    Then "pattama" cannot fire "appoint members to an oversight committee" because "member" with:
      | appointment orders | order or resolution=council resolution 1/2567; committee=the committee inspecting the PAO's road works; kind of committee=council committee (standing or ad hoc); appointed on=16 October 2566 |
      | council members    | member=Mr Sommai Notamember; committees appointed to=the committee inspecting the PAO's road works                                                                                             |
    And "pattama" cannot fire "report the year's results" because "handbook" with:
      | results summary | the year's activity |
      | report memo     | LP 51002/901        |
    And the audit trail records:
      | actor   | trigger                                   | from                   | to | outcome |
      | pattama | give the handbook to the members          | compiling the handbook |    | refused |
      | pattama | give the handbook to the members          | under way              |    | refused |
      | pattama | give the handbook to the members          | under way              |    | refused |
      | pattama | appoint members to an oversight committee | under way              |    | refused |
      | pattama | report the year's results                 | under way              |    | refused |
    And the audit trail verifies

  @plan-32-14.2 @plan-32-14.3
  Scenario: A year with the handbook and an appointment but no knowledge session: the once-a-year indicator is missed (project 32, items 14.2 and 14.3)
    Given today is 16 October 2566
    When "pattama" starts a "council_capacity" case "Y1" with:
      | fiscal year     | 2567                                                         |
      | council members | member=Mr Kriangkrai Jaikwang; constituency=Mueang Lampang 1 |
      | council members | member=Mrs Rattana Pattana; constituency=Ko Kha 1            |
      | council members | member=Mr Udom Thamdee; constituency=Hang Chat 1             |
      | council members | member=Mrs Sunee Kaewmala; constituency=Ngao 1               |

    Given today is 1 November 2566
    When "pattama" fires "compile the handbook" with:
      | handbook title          | Handbook of laws and rules for Lampang PAO council members                                  |
      | handbook edition        | edition 2567                                                                                |
      | laws and rules compiled | the Provincial Administrative Organization Act B.E. 2540                                    |
      | laws and rules compiled | the Ministry of Interior's regulation on the standing orders of local councils B.E. 2547    |
      | laws and rules compiled | the Ministry of Interior's regulation on the budget procedure of local government B.E. 2563 |
      | laws and rules compiled | the Public Procurement and Supplies Administration Act B.E. 2560                            |
    Then the case is in state "under way"
    When "pattama" fires "give the handbook to the members" with:
      | council members | member=Mr Kriangkrai Jaikwang; handbook received on=1 November 2566 |
      | council members | member=Mrs Rattana Pattana; handbook received on=1 November 2566    |
      | council members | member=Mr Udom Thamdee; handbook received on=1 November 2566        |
      | council members | member=Mrs Sunee Kaewmala; handbook received on=1 November 2566     |

    Given today is 15 August 2567
    When "pattama" fires "appoint members to an oversight committee" with:
      | appointment orders | order or resolution=council resolution, ordinary session 3/2567; committee=the committee scrutinising the budget bill for 2568; kind of committee=council committee (standing or ad hoc); appointed on=15 August 2567 |
      | council members    | member=Mr Kriangkrai Jaikwang; committees appointed to=the committee scrutinising the budget bill for 2568                                                                                                            |
      | council members    | member=Mrs Rattana Pattana; committees appointed to=the committee scrutinising the budget bill for 2568                                                                                                               |

    Given today is 27 September 2567
    When "pattama" fires "report the year's results" with:
      | results summary | handbook given, one appointment order; no knowledge session was held |
      | report memo     | LP 51002/950                                                         |
    Then the report "council members' capacity results" for fiscal year 2567 shows:
      | figure                        | value |
      | knowledge sessions held       | 0     |
      | at least one session a year   | no    |
      | members with the handbook (%) | 100   |
      | members on a committee        | 2     |
    And the audit trail verifies
