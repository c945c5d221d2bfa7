Feature: The executives' declaration of intent and the anti-corruption action plan (integrity plan, projects 11 and 18)
  Project 11 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570: the measure by which the executives declare their
  intent to apply integrity in administration, by preparing the anti-corruption action plan.
  Project 18: the measure preparing that plan. Owner of both: the Office of the PAO
  Permanent Secretary. Outcome of both: Lampang PAO passes the ITA (85 points or more).

  Project 11, method
  item 1 (tag @plan-11-5.1): prepare the measure and seek approval from the one with authority.
  item 2 (tag @plan-11-5.2): set the form, approach and channels of the declaration.
  item 3 (tag @plan-11-5.3): make the declaration of intent to apply integrity in administration.
  item 4 (tag @plan-11-5.4): the executives set policies, measures and plans to develop the
  agency by preparing the anti-corruption action plan.
  item 5 (tag @plan-11-5.5): publish the declaration and the policies in the forms and
  channels set.
  items 6 to 8 and 10 (tags @plan-11-5.6 @plan-11-5.7 @plan-11-5.8 @plan-11-5.10): the
  working group, the plan, its publication and its monitoring are the same acts as
  project 18's.
  item 9 (tag @plan-11-5.9): the executives control and follow up the plan's implementation.
  item 11 (tag @plan-11-5.11): report the results.

  Project 18, method
  item 1 (tag @plan-18-5.1): set up the working group that prepares the plan.
  item 2 (tag @plan-18-5.2): working-group meetings to study the plan's format and framework,
  analyse and assess corruption risks, and prepare the plan.
  item 3 (tag @plan-18-5.3): publish the plan in the forms and channels set, and report it to
  the NACC Office through E-PlanNACC.
  item 4 (tag @plan-18-5.4): briefing meetings so that staff and units understand the plan.
  item 5 (tag @plan-18-5.5): implement the plan.
  item 6 (tag @plan-18-5.6): monitor and evaluate implementation.
  item 7 (tag @plan-18-5.7): report the results to the executives and the agencies concerned,
  such as the NACC Office through E-PlanNACC.
  item 8 (tag @plan-18-5.8): publish the results report to the public.

  The plan does not say who approves the plan, who sits in the working group, or how the
  plan is amended: here the executive approves it, the one who submitted the draft may not
  approve it, and the working group adopts the draft by resolution first. The ITA scores are
  examples, not the assessment's real results.

  The same scenarios as plan_preparation.th.feature.

  Background:
    Given today is 2 October 2566
    And "somsri" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "manop" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "sompong" holds the roles "executive" and "authority"
    And "kanda" holds the role "head of unit" in the unit "Finance Division"
    And "amnat" holds the role "head of unit" in the unit "Engineering Division"

  @plan-11-5.1 @plan-11-5.2 @plan-11-5.3 @plan-11-5.4 @plan-11-5.5 @plan-11-5.6 @plan-11-5.7
  @plan-11-5.8 @plan-11-5.9 @plan-11-5.10 @plan-11-5.11
  @plan-18-5.1 @plan-18-5.2 @plan-18-5.3 @plan-18-5.4 @plan-18-5.5 @plan-18-5.6 @plan-18-5.7 @plan-18-5.8
  Scenario: The declaration of intent and the action plan of fiscal year 2567, from the measure to the results (project 11, items 1 to 11; project 18, items 1 to 8)
    The Office of the Permanent Secretary drafts the measure and the executive approves it
    (11 item 1); the form and channels reach people inside and the public (11 item 2); the
    executive signs the declaration and sets the policy (11 items 3 and 4); they are
    published (11 item 5). The executive appoints the working group (18 item 1); it studies
    the framework, assesses the risks of Part 1's table in the year's corruption-risk register
    (project 35), where they are kept once, and adopts the draft; the executive
    approves it (18 item 2); it is published and reported in E-PlanNACC (18 item 3); staff are
    briefed (18 item 4); units record their projects' progress (18 item 5); the executive
    follows up (11 item 9); the 6- and 12-month rounds and the ITA score are recorded (18
    item 6); the results go to the executive and the NACC (18 item 7) and are published (18
    item 8); the measure's results are reported (11 item 11).

    When "somsri" starts an "integrity_declaration" case "declaration 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" with:
      | measure title | Measure declaring the executives' intent to apply integrity in administration, FY 2567 |
      | approval memo | Office of the Permanent Secretary memo LP 51001/210                                    |
    Then the case is in state "measure submitted"

    Given today is 4 October 2566
    When "sompong" fires "approve the measure"
    And "somsri" fires "set the form and channels" with:
      | form of the declaration     | announcement of Lampang PAO signed by the Chief Executive                          |
      | approach of the declaration | the executives declare their intent at the monthly meeting and publish it         |
      | channels set                | channel=monthly meeting of heads of units; audience=inside the organization     |
      | channels set                | channel=Lampang PAO website; audience=the public                                 |
    Then the case is in state "form and channels set"

    Given today is 6 October 2566
    When "sompong" fires "sign the declaration" with:
      | declaration title  | Declaration of intent to apply integrity in administration |
      | declaration number | 12/2566                                                     |
    And "sompong" fires "set the policy" with:
      | executives' policy | administration with honesty, transparency and accountability, by preparing the anti-corruption action plan |
      | policy number      | 13/2566                                                                                                     |
    Then the case is in state "policy set"

    Given today is 10 October 2566
    When "somsri" fires "publish the declaration and policy" with:
      | publications | publication channel=monthly meeting of heads of units; published to=inside the organization; published on=10 October 2566 |
      | publications | publication channel=Lampang PAO website; published to=the public; published on=10 October 2566                           |
    Then the case is in state "published and in force"
    And the case has the data:
      | channels published on | 2 |

    When "somsri" starts a "corruption_risk_register" case "register 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" on "register 2567" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    And "sompong" fires "approve the measure" on "register 2567"
    And "sompong" fires "appoint the working group" on "register 2567" with:
      | order     | 145/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | somsri       |
    Then the case "register 2567" is in state "working group assessing"

    When "somsri" starts an "integrity_plan_preparation" case "plan 2567" with:
      | declaration case | declaration 2567 |
      | fiscal year      | 2567             |
    And "sompong" fires "appoint the working group" on "plan 2567" with:
      | order     | 140/2566      |
      | chair     | wichai        |
      | members   | kanda, amnat  |
      | secretary | somsri        |
    Then the case "plan 2567" is in state "working group appointed"

    Given today is 17 October 2566
    When "wichai" fires "open the meeting" on "plan 2567" with:
      | present | wichai, kanda, amnat, somsri |
    And "somsri" fires "record the framework study" on "plan 2567" with:
      | framework study | plan reviewed against the NACC's manual for LAO plans, four dimensions |
    And "somsri" fires "record risks" on "register 2567" with:
      | corruption risks | row=1; process step=use of government property (private cars); risk issue=compliance with laws and regulations; risk event=private cars use government property against the rules; likelihood=high; impact=medium; risk status=open |
      | corruption risks | row=2; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the Procurement Act and its regulations; likelihood=medium; impact=medium; risk status=open |
      | corruption risks | row=3; process step=construction supervision; risk issue=operations; risk event=works accepted that do not follow the plans; likelihood=medium; impact=high; risk status=open |
    And "somsri" fires "record controls" on "register 2567" with:
      | controls | control=1.2; risk row=1; measure=appoint a controller and inspector; owner=controller and inspector; carried out by flow=asset_rules; plan project=13; progress=in progress |
      | controls | control=2.2; risk row=2; measure=instruct compliance with laws, ministerial rules and regulations; owner=heads of all units; progress=in progress |
      | controls | control=3.1; risk row=3; measure=instruct the works supervisors and the acceptance committee to supervise by the rules; owner=works supervisors and acceptance committee; progress=in progress |
    And "wichai" fires "vote" on "plan 2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "plan 2567" with:
      | vote | yes |
    And "amnat" fires "vote" on "plan 2567" with:
      | vote | yes |
    And "wichai" fires "record the resolution" on "plan 2567" with:
      | motion | adopt the draft plan |
    And "wichai" fires "close the meeting" on "plan 2567" with:
      | minutes | minutes of the working group, meeting 1/2566 |
    And "somsri" fires "submit the draft plan" on "plan 2567" with:
      | draft plan           | Anti-corruption action plan B.E. 2566-2570, reviewed for FY 2567 |
      | projects in the plan | 37                                                               |
    Then the case "plan 2567" is in state "draft submitted"
    And the case "register 2567" has the data:
      | number of risks          | 3 |
      | high and very high risks | 2 |
      | risks without a control  | 0 |

    Given today is 20 October 2566
    When "sompong" fires "approve the plan" on "plan 2567" with:
      | plan announcement number | 15/2566 |

    Given today is 25 October 2566
    When "somsri" fires "publish the plan" on "plan 2567" with:
      | plan publications | channel=Lampang PAO website; published on=25 October 2566         |
      | plan publications | channel=notice board at the office; published on=25 October 2566 |
    And "somsri" fires "report the plan to the NACC" on "plan 2567" with:
      | plan reported to the NACC on | 25 October 2566    |
      | E-PlanNACC plan reference    | EPN-2567-520100-01 |
    Then the case "plan 2567" is in state "plan reported to the NACC"

    Given today is 1 November 2566
    When "somsri" fires "brief staff on the plan" on "plan 2567" with:
      | briefing date      | 1 November 2566                  |
      | briefing attendees | 42                               |
      | briefing minutes   | minutes of the plan briefing 1/2567 |
    Then the case "plan 2567" is in state "implementing"

    Given today is 1 April 2567
    When "kanda" fires "record project progress" on "plan 2567" with:
      | project progress | project number=12; project status=in progress                                           |
      | project progress | project number=14; project status=done; result=spending reviewed for two quarters       |
    And "amnat" fires "record project progress" on "plan 2567" with:
      | project progress | project number=21; project status=not started |
    And "somsri" fires "record a monitoring round" on "plan 2567" with:
      | monitoring rounds | round=6 months; as of=31 March 2567; findings=one project done, one in progress |
    And "sompong" fires "direct and follow up the plan" on "declaration 2567" with:
      | executives' directives | the Engineering Division completes the work manuals of project 21 by the third quarter |
    And "sompong" fires "approve a plan amendment" on "plan 2567" with:
      | plan amendments | amendment=1/2567; what changed=adds the activity strengthening transparency in official operations (project 37); amendment approved on=1 April 2567 |

    Given today is 3 April 2567
    When "somsri" fires "report an amendment to the NACC" on "plan 2567" with:
      | plan amendments | amendment=1/2567; E-PlanNACC amendment reference=EPN-2567-520100-A1 |

    Given today is 2 September 2567
    When "somsri" fires "record the ITA result" on "plan 2567" with:
      | ITA score           | 89.42                                          |
      | ITA announced on    | 30 August 2567                                 |
      | ITA result reference | announcement of the ITA results of FY 2567, ITAS |
    Then the case "plan 2567" has the data:
      | ITA target met | yes |

    Given today is 1 October 2567
    When "kanda" fires "update project progress" on "plan 2567" with:
      | project progress | project number=12; project status=done; result=procurement analysis reported to the executive |
    And "amnat" fires "update project progress" on "plan 2567" with:
      | project progress | project number=21; project status=done; result=work manuals issued |
    And "somsri" fires "record a monitoring round" on "plan 2567" with:
      | monitoring rounds | round=12 months; as of=30 September 2567; findings=all three recorded projects done |

    Given today is 8 October 2567
    When "somsri" fires "report the results to the executive" on "plan 2567" with:
      | results report to the executive | Office of the Permanent Secretary memo LP 51001/987 |
    Given today is 10 October 2567
    When "somsri" fires "report the results to the NACC" on "plan 2567" with:
      | results reported to the NACC on | 10 October 2567    |
      | E-PlanNACC results reference    | EPN-2567-520100-R1 |
    Given today is 15 October 2567
    When "somsri" fires "publish the results" on "plan 2567" with:
      | results publications | channel=Lampang PAO website; published on=15 October 2567 |
    Then the case "plan 2567" is in state "results published"

    Given today is 17 October 2567
    When "somsri" fires "report the results" on "declaration 2567" with:
      | results summary | declaration and policy published on 2 channels; plan results reported to the NACC; ITA 89.42 |
    Then the case "declaration 2567" is in state "results reported"
    And the report "integrity_plan" for fiscal year 2567 shows:
      | figure                                  | value              |
      | declaration number                      | 12/2566            |
      | channels the declaration is published on | 2                  |
      | declaration measure reported            | yes                |
      | plan announcement number                | 15/2566            |
      | risks assessed                          | 3                  |
      | high and very high risks                | 2                  |
      | projects in the plan                    | 37                 |
      | E-PlanNACC plan reference               | EPN-2567-520100-01 |
      | plan amendments made                    | 1                  |
      | briefing attendees                      | 42                 |
      | projects done                           | 3                  |
      | monitoring rounds held                  | 2                  |
      | E-PlanNACC results reference            | EPN-2567-520100-R1 |
      | ITA score                               | 89.42              |
      | ITA target                              | 85                 |
      | ITA target met (85 or more)             | yes                |
    And the report "ITA results" for fiscal year 2567 shows:
      | ITA score of the year | 89.42 |
      | target (points)       | 85    |
      | met (85 or more)      | yes   |
      | years recorded        | 1     |
      | years met             | 2567  |
      | years not met         | -     |
    And the audit trail of "plan 2567" records:
      | actor   | trigger                             | from                      | to                        |
      | somsri  | open the year's plan                |                           | opened                    |
      | sompong | appoint the working group           | opened                    | working group appointed   |
      | wichai  | open the meeting                    | working group appointed   | working group drafting    |
      | somsri  | submit the draft plan               | working group drafting    | draft submitted           |
      | sompong | approve the plan                    | draft submitted           | plan approved             |
      | somsri  | publish the plan                    | plan approved             | plan published            |
      | somsri  | report the plan to the NACC         | plan published            | plan reported to the NACC |
      | somsri  | brief staff on the plan             | plan reported to the NACC | implementing              |
      | somsri  | record the ITA result               | implementing              | implementing              |
      | somsri  | report the results to the executive | implementing              | results reported to the executive |
      | somsri  | report the results to the NACC      | results reported to the executive | results reported to the NACC |
      | somsri  | publish the results                 | results reported to the NACC | results published      |
    And the audit trail verifies

  @plan-11-5.1 @plan-11-5.2 @plan-11-5.3
  Scenario: The drafter of the measure may not approve it, the channels reach both inside and the public, and only the executive signs (project 11, items 1 to 3, separation of duties)
    manop, who also holds the executive's role, drafts the measure, so he may not approve
    it. A fiscal year has one declaration case.

    Given "manop" holds the roles "coordinator" and "executive"
    When "manop" starts an "integrity_declaration" case "declaration 2567" with:
      | fiscal year | 2567 |
    Then "somsri" cannot start an "integrity_declaration" case because "already has a declaration case" with:
      | fiscal year | 2567 |
    And "manop" cannot fire "submit the measure" because "approval memo" with:
      | measure title | Measure declaring intent, FY 2567 |
    When "manop" fires "submit the measure" with:
      | measure title | Measure declaring intent, FY 2567                  |
      | approval memo | Office of the Permanent Secretary memo LP 51001/210 |
    Then "manop" cannot fire "approve the measure" because "drafter of the measure"
    And "somsri" cannot fire "approve the measure" because "executive"
    When "sompong" fires "return for revision" with:
      | revision note | state that the anti-corruption action plan guides administration |
    And "manop" fires "submit the measure" with:
      | measure title | Measure declaring the executives' intent to apply integrity, by preparing the anti-corruption action plan |
    And "sompong" fires "approve the measure"
    Then "somsri" cannot fire "set the form and channels" because "the public" with:
      | form of the declaration     | announcement of Lampang PAO                                        |
      | approach of the declaration | the executives declare their intent at the monthly meeting        |
      | channels set                | channel=monthly meeting of heads of units; audience=inside the organization |
    When "somsri" fires "set the form and channels" with:
      | form of the declaration     | announcement of Lampang PAO                                        |
      | approach of the declaration | the executives declare their intent at the monthly meeting        |
      | channels set                | channel=monthly meeting of heads of units; audience=inside the organization |
      | channels set                | channel=Lampang PAO website; audience=the public                    |
    Then "somsri" cannot fire "sign the declaration" because "executive" with:
      | declaration title  | Declaration of intent to apply integrity in administration |
      | declaration number | 12/2566                                                     |
    And the case is in state "form and channels set"
    And the audit trail records:
      | actor   | trigger             | from              | to                    | outcome |
      | manop   | open the year       |                   | drafting the measure  | moved   |
      | manop   | submit the measure  | drafting the measure | measure submitted  | moved   |
      | manop   | approve the measure | measure submitted |                       | refused |
      | somsri  | approve the measure | measure submitted |                       | refused |
      | sompong | return for revision | measure submitted | drafting the measure  | moved   |
      | sompong | approve the measure | measure submitted | measure approved      | moved   |
    And the audit trail verifies

  @plan-18-5.1 @plan-18-5.2 @plan-18-5.3 @plan-11-5.9
  Scenario: The plan starts once the declaration is published, the draft needs the working group's resolution and controls for every risk, and its submitter may not approve it (project 18, items 1 to 3, separation of duties)
    While the declaration is not published the year's plan cannot start; the executive
    cannot follow up a plan not yet in implementation; the draft cannot be submitted before
    the working group adopts it, nor before the year's corruption-risk register holds the
    risks, nor while a risk there lacks a control; manop, who also holds the
    executive's role, submits the draft and so may not approve it; the E-PlanNACC date may
    not be before the plan's approval.

    Given "manop" holds the roles "coordinator" and "executive"
    When "somsri" starts an "integrity_declaration" case "declaration 2567" with:
      | fiscal year | 2567 |
    Then "somsri" cannot start an "integrity_plan_preparation" case because "parent case" with:
      | declaration case | declaration 2567 |
      | fiscal year      | 2567             |
    When "somsri" fires "submit the measure" on "declaration 2567" with:
      | measure title | Measure declaring intent, FY 2567                  |
      | approval memo | Office of the Permanent Secretary memo LP 51001/210 |
    And "sompong" fires "approve the measure" on "declaration 2567"
    And "somsri" fires "set the form and channels" on "declaration 2567" with:
      | form of the declaration     | announcement of Lampang PAO                                        |
      | approach of the declaration | the executives declare their intent at the monthly meeting        |
      | channels set                | channel=monthly meeting of heads of units; audience=inside the organization |
      | channels set                | channel=Lampang PAO website; audience=the public                    |
    And "sompong" fires "sign the declaration" on "declaration 2567" with:
      | declaration title  | Declaration of intent to apply integrity in administration |
      | declaration number | 12/2566                                                     |
    And "sompong" fires "set the policy" on "declaration 2567" with:
      | executives' policy | administration with honesty, transparency and accountability |
      | policy number      | 13/2566                                                      |
    Then "somsri" cannot fire "publish the declaration and policy" on "declaration 2567" because "inside the organization" with:
      | publications | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566 |
    When "somsri" fires "publish the declaration and policy" on "declaration 2567" with:
      | publications | publication channel=monthly meeting of heads of units; published to=inside the organization; published on=2 October 2566 |
      | publications | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566                           |
    And "somsri" starts an "integrity_plan_preparation" case "plan 2567" with:
      | declaration case | declaration 2567 |
      | fiscal year      | 2567             |
    Then "sompong" cannot fire "direct and follow up the plan" on "declaration 2567" because "not in implementation" with:
      | executives' directives | every unit carries out the plan |
    And "somsri" cannot fire "appoint the working group" on "plan 2567" because "executive" with:
      | order     | 140/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | somsri       |
    When "sompong" fires "appoint the working group" on "plan 2567" with:
      | order     | 140/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | manop        |

    Given today is 3 October 2566
    When "wichai" fires "open the meeting" on "plan 2567" with:
      | present | wichai, kanda, amnat, manop |
    And "manop" fires "record the framework study" on "plan 2567" with:
      | framework study | plan reviewed against the NACC's manual |
    Then "manop" cannot fire "submit the draft plan" on "plan 2567" because "resolution" with:
      | draft plan           | Anti-corruption action plan, reviewed for FY 2567 |
      | projects in the plan | 37                                                |
    When "wichai" fires "vote" on "plan 2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "plan 2567" with:
      | vote | yes |
    And "wichai" fires "record the resolution" on "plan 2567" with:
      | motion | adopt the draft plan |
    Then "manop" cannot fire "submit the draft plan" on "plan 2567" because "there is no Corruption-risk register" with:
      | draft plan           | Anti-corruption action plan, reviewed for FY 2567 |
      | projects in the plan | 37                                                |
    When "somsri" starts a "corruption_risk_register" case "register 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" on "register 2567" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    And "sompong" fires "approve the measure" on "register 2567"
    And "sompong" fires "appoint the working group" on "register 2567" with:
      | order     | 145/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | somsri       |
    And "somsri" fires "record risks" on "register 2567" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the Procurement Act and its regulations; likelihood=medium; impact=medium; risk status=open |
    Then "manop" cannot fire "submit the draft plan" on "plan 2567" because "risks without a control" with:
      | draft plan           | Anti-corruption action plan, reviewed for FY 2567 |
      | projects in the plan | 37                                                |
    When "somsri" fires "record controls" on "register 2567" with:
      | controls | control=1.1; risk row=1; measure=instruct compliance with laws, ministerial rules and regulations; owner=heads of all units; progress=in progress |
    And "manop" fires "submit the draft plan" on "plan 2567" with:
      | draft plan           | Anti-corruption action plan, reviewed for FY 2567 |
      | projects in the plan | 37                                                |
    Then "manop" cannot fire "approve the plan" on "plan 2567" because "submitter of the draft" with:
      | plan announcement number | 15/2566 |
    When "sompong" fires "approve the plan" on "plan 2567" with:
      | plan announcement number | 15/2566 |
    And "manop" fires "publish the plan" on "plan 2567" with:
      | plan publications | channel=Lampang PAO website; published on=3 October 2566 |
    Then "manop" cannot fire "report the plan to the NACC" on "plan 2567" because "plan approved on" with:
      | plan reported to the NACC on | 2 October 2566     |
      | E-PlanNACC plan reference    | EPN-2567-520100-01 |
    And "manop" cannot fire "report the plan to the NACC" on "plan 2567" because "E-PlanNACC plan reference" with:
      | plan reported to the NACC on | 3 October 2566 |
    When "manop" fires "report the plan to the NACC" on "plan 2567" with:
      | plan reported to the NACC on | 3 October 2566     |
      | E-PlanNACC plan reference    | EPN-2567-520100-01 |
    Then the case "plan 2567" is in state "plan reported to the NACC"
    And the audit trail of "plan 2567" records:
      | actor   | trigger                     | from                   | to                        | outcome |
      | somsri  | appoint the working group   | opened                 |                           | refused |
      | sompong | appoint the working group   | opened                 | working group appointed   | moved   |
      | manop   | submit the draft plan       | working group drafting |                           | refused |
      | manop   | submit the draft plan       | working group drafting | draft submitted           | moved   |
      | manop   | approve the plan            | draft submitted        |                           | refused |
      | sompong | approve the plan            | draft submitted        | plan approved             | moved   |
      | manop   | report the plan to the NACC | plan published         |                           | refused |
      | manop   | report the plan to the NACC | plan published         | plan reported to the NACC | moved   |
    And the audit trail verifies

  @plan-18-5.2 @plan-18-5.3 @plan-18-5.4 @plan-18-5.6 @plan-18-5.7 @plan-11-5.10
  Scenario: An ITA score below 85 does not meet the target, and the results cannot be reported before monitoring, the ITA score and the amendment's report (project 18, items 2 to 4, 6 and 7)
    The plan of fiscal year 2567 is in implementation; the officer cannot report the results
    to the executive until the plan is monitored, the ITA result recorded and the amendment
    the executive approved reported in E-PlanNACC; a score above 100 is refused; 84.50 does
    not meet the target of 85; a fiscal year without a plan has no score and does not meet it.

    When "somsri" starts an "integrity_declaration" case "declaration 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" with:
      | measure title | Measure declaring intent, FY 2567                  |
      | approval memo | Office of the Permanent Secretary memo LP 51001/210 |
    And "sompong" fires "approve the measure"
    And "somsri" fires "set the form and channels" with:
      | form of the declaration     | announcement of Lampang PAO                                        |
      | approach of the declaration | the executives declare their intent at the monthly meeting        |
      | channels set                | channel=monthly meeting of heads of units; audience=inside the organization |
      | channels set                | channel=Lampang PAO website; audience=the public                    |
    And "sompong" fires "sign the declaration" with:
      | declaration title  | Declaration of intent to apply integrity in administration |
      | declaration number | 12/2566                                                     |
    And "sompong" fires "set the policy" with:
      | executives' policy | administration with honesty, transparency and accountability |
      | policy number      | 13/2566                                                      |
    And "somsri" fires "publish the declaration and policy" with:
      | publications | publication channel=monthly meeting of heads of units; published to=inside the organization; published on=2 October 2566 |
      | publications | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566                           |
    And "somsri" starts a "corruption_risk_register" case "register 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" on "register 2567" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    And "sompong" fires "approve the measure" on "register 2567"
    And "sompong" fires "appoint the working group" on "register 2567" with:
      | order     | 145/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | somsri       |
    And "somsri" fires "record risks" on "register 2567" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the Procurement Act and its regulations; likelihood=medium; impact=medium; risk status=open |
    And "somsri" fires "record controls" on "register 2567" with:
      | controls | control=1.1; risk row=1; measure=instruct compliance with laws, ministerial rules and regulations; owner=heads of all units; progress=in progress |
    And "somsri" starts an "integrity_plan_preparation" case "plan 2567" with:
      | declaration case | declaration 2567 |
      | fiscal year      | 2567             |
    And "sompong" fires "appoint the working group" with:
      | order     | 140/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | somsri       |
    And "wichai" fires "open the meeting" with:
      | present | wichai, kanda, somsri |
    And "somsri" fires "record the framework study" with:
      | framework study | plan reviewed against the NACC's manual |
    And "wichai" fires "vote" with:
      | vote | yes |
    And "kanda" fires "vote" with:
      | vote | yes |
    And "wichai" fires "record the resolution" with:
      | motion | adopt the draft plan |
    And "somsri" fires "submit the draft plan" with:
      | draft plan           | Anti-corruption action plan, reviewed for FY 2567 |
      | projects in the plan | 37                                                |
    And "sompong" fires "approve the plan" with:
      | plan announcement number | 15/2566 |
    And "somsri" fires "publish the plan" with:
      | plan publications | channel=Lampang PAO website; published on=2 October 2566 |
    And "somsri" fires "report the plan to the NACC" with:
      | plan reported to the NACC on | 2 October 2566     |
      | E-PlanNACC plan reference    | EPN-2567-520100-01 |
    Then "somsri" cannot fire "brief staff on the plan" because "briefing attendees" with:
      | briefing date      | 2 October 2566                      |
      | briefing attendees | 0                                   |
      | briefing minutes   | minutes of the plan briefing 1/2567 |
    When "somsri" fires "brief staff on the plan" with:
      | briefing date      | 2 October 2566                      |
      | briefing attendees | 35                                  |
      | briefing minutes   | minutes of the plan briefing 1/2567 |
    Then the case is in state "implementing"

    Given today is 2 September 2567
    When "sompong" fires "approve a plan amendment" with:
      | plan amendments | amendment=1/2567; what changed=adds the activity of project 37; amendment approved on=2 September 2567 |
    Then "somsri" cannot fire "report the results to the executive" because "ITA" with:
      | results report to the executive | Office of the Permanent Secretary memo LP 51001/987 |
    And "kanda" cannot fire "record the ITA result" because "coordinator" with:
      | ITA score            | 84.50                                            |
      | ITA announced on     | 30 August 2567                                   |
      | ITA result reference | announcement of the ITA results of FY 2567, ITAS |
    And "somsri" cannot fire "record the ITA result" because "ITA score" with:
      | ITA score            | 108.50                                           |
      | ITA announced on     | 30 August 2567                                   |
      | ITA result reference | announcement of the ITA results of FY 2567, ITAS |
    When "somsri" fires "record the ITA result" with:
      | ITA score            | 84.50                                            |
      | ITA announced on     | 30 August 2567                                   |
      | ITA result reference | announcement of the ITA results of FY 2567, ITAS |
    Then the case has the data:
      | ITA target met | no |
    And "somsri" cannot fire "report the results to the executive" because "monitored" with:
      | results report to the executive | Office of the Permanent Secretary memo LP 51001/987 |

    Given today is 1 October 2567
    When "somsri" fires "record a monitoring round" with:
      | monitoring rounds | round=12 months; as of=30 September 2567; findings=the plan partly carried out |
    Then "somsri" cannot fire "report the results to the executive" because "amendment" with:
      | results report to the executive | Office of the Permanent Secretary memo LP 51001/987 |
    When "somsri" fires "report an amendment to the NACC" with:
      | plan amendments | amendment=1/2567; E-PlanNACC amendment reference=EPN-2567-520100-A1 |
    And "somsri" fires "report the results to the executive" with:
      | results report to the executive | Office of the Permanent Secretary memo LP 51001/987 |
    Then the case is in state "results reported to the executive"
    And the report "ita_results" for fiscal year 2567 shows:
      | ITA score of the year | 84.50 |
      | met (85 or more)      | no    |
      | years met             | -     |
      | years not met         | 2567  |
    And the report "ita_results" for fiscal year 2568 shows:
      | ITA score of the year | -  |
      | target (points)       | 85 |
      | met (85 or more)      | no |
      | years recorded        | 1  |
    And the report "integrity_plan" for fiscal year 2567 shows:
      | ITA score                    | 84.50 |
      | ITA target met (85 or more)  | no    |
      | declaration measure reported | no    |
    And the audit trail verifies
