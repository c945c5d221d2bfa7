Feature: The corruption-risk register (integrity plan, project 35, and the risk assessment of Part 1)
  Measure: corruption-risk management of the local government organisation.
  Responsible: the Office of the PAO Permanent Secretary, Lampang PAO.

  Method
  item 1 (tag @plan-35-5.1): prepare the measure and seek approval from the one with authority.
  item 2 (tag @plan-35-5.2): set up a working group to manage corruption risks.
  item 3 (tag @plan-35-5.3): the working group assesses the risks of the work, the duties and the
  projects that may give rise to corruption.
  item 4 (tag @plan-35-5.4): the working group sets innovations, measures, systems or approaches
  to manage those risks.
  item 5 (tag @plan-35-5.5): publish the risk assessment, with the risk events, the levels, the
  measures and what is done about them, on the organisation's website and other channels.
  item 6 (tag @plan-35-5.6): brief the staff and the units concerned on the measures.
  item 7 (tag @plan-35-5.7): monitor and evaluate the management of corruption risks.
  item 8 (tag @plan-35-5.8): report the results.

  The risk assessment of Part 1 (tags @plan-risk-1 @plan-risk-2 @plan-risk-3):
  1 use of government property (private cars) | compliance | high
  2 procurement | compliance | medium
  3 construction supervision | operations | high

  The plan states no likelihood-impact matrix: this flow uses the 3 x 3 matrix of the NACC's
  guide to assessing corruption risk (score 1-2 low, 3-4 medium, 6 high, 9 very high), which
  gives the levels the plan prints. Publication by 31 March and the report by 30 September are
  this flow's reading: the plan sets no dates.

  The same scenarios as risk_register.th.feature.

  Background:
    Given today is 2 October 2566
    And "somsri" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "manop" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "sompong" holds the role "authority"
    And "amnat" holds the role "head of unit" in the unit "Public Works Division"

  @plan-35-5.1 @plan-35-5.2 @plan-35-5.3 @plan-35-5.4 @plan-35-5.5 @plan-35-5.6 @plan-35-5.7 @plan-35-5.8
  @plan-risk-1 @plan-risk-2 @plan-risk-3
  Scenario: The register of fiscal year 2567 as Part 1's table, from the measure to the report, and its open risks carried into 2568 (project 35, items 1 to 8)
    The Office prepares the measure, the authority approves it (item 1) and appoints the working
    group (item 2); the group assesses the three risks of Part 1's table (item 3) and sets seven
    controls with their owners (item 4). Row 1's controls are carried out by the asset_rules flow
    (project 13); control 2.2, the instruction to comply, by procurement_analysis (project 12);
    controls 2.1 and row 3's have no project of the plan behind them. The assessment is
    published on the website and the notice board (item 5), staff are briefed (item 6), it is
    monitored twice and row 1 re-rated (item 7), and the results reported (item 8). Rows 2 and 3
    are still open and carried into the register of 2568 with the level they had.

    When "somsri" starts a "corruption_risk_register" case "R2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    Given today is 4 October 2566
    When "sompong" fires "approve the measure"
    Then the case is in state "measure approved"

    Given today is 9 October 2566
    When "sompong" fires "appoint the working group" with:
      | order     | 145/2566      |
      | chair     | wichai        |
      | members   | amnat, kanda  |
      | secretary | somsri        |
    Then the case is in state "working group assessing"

    Given today is 17 October 2566
    When "somsri" fires "record risks" with:
      | corruption risks | row=1; process step=use of government property (private cars); risk issue=compliance with laws and regulations; risk event=private cars use government property against the rules; unit concerned=Supplies and Assets Division; likelihood=high; impact=medium; risk status=open |
      | corruption risks | row=2; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the Procurement Act and its regulations; unit concerned=Supplies and Assets Division; likelihood=medium; impact=medium; risk status=open |
      | corruption risks | row=3; process step=construction supervision; risk issue=operations; risk event=works accepted that do not follow the plans; unit concerned=Public Works Division; likelihood=medium; impact=high; risk status=open |
    And "somsri" fires "record controls" with:
      | controls | control=1.1; risk row=1; measure=strict use of property and control of private cars by the rules; owner=Supplies and Assets Division; carried out by flow=asset_rules; plan project=13; progress=in progress |
      | controls | control=1.2; risk row=1; measure=appoint a controller and inspector; owner=controller and inspector; carried out by flow=asset_rules; plan project=13; progress=in progress |
      | controls | control=1.3; risk row=1; measure=security officers check private cars; owner=security officers; carried out by flow=asset_rules; plan project=13; progress=in progress |
      | controls | control=2.1; risk row=2; measure=training on procurement; owner=Supplies and Assets Division; progress=planned |
      | controls | control=2.2; risk row=2; measure=instruct compliance with laws, ministerial rules and regulations; owner=heads of all units; carried out by flow=procurement_analysis; plan project=12; progress=in progress |
      | controls | control=3.1; risk row=3; measure=instruct the works supervisors and the acceptance committee to supervise by the rules; owner=works supervisors and acceptance committee; progress=in progress |
      | controls | control=3.2; risk row=3; measure=a project monitoring committee; owner=project monitoring committee; progress=planned |
    Then the case has the data:
      | number of risks              | 3 |
      | high and very high risks     | 2 |
      | measures                     | 7 |
      | measures no flow carries out | 3 |

    Given today is 1 November 2566
    When "somsri" fires "publish the assessment" with:
      | publications | channel=Lampang PAO website; published on=1 November 2566; address=https://www.lampangpao.go.th/ita/risk-2567 |
      | publications | channel=notice board at the office; published on=1 November 2566 |
    Then the case is in state "assessment published"

    Given today is 8 November 2566
    When "somsri" fires "brief staff" with:
      | briefing date      | 8 November 2566          |
      | briefing attendees | 45                       |
      | briefing minutes   | briefing minutes 1/2567  |
    Then the case is in state "monitoring"

    Given today is 1 April 2567
    When "somsri" fires "record a monitoring round" with:
      | monitoring rounds | round=6 months; as of=31 March 2567; findings=private cars checked daily, no procurement training yet |
    And "amnat" fires "update controls" with:
      | controls | control=3.1; progress=done |

    Given today is 2 September 2567
    When "somsri" fires "record a monitoring round" with:
      | monitoring rounds | round=12 months; as of=31 August 2567; findings=no private car used government property |
    And "somsri" fires "update controls" with:
      | controls | control=1.1; progress=done |
      | controls | control=1.2; progress=done |
      | controls | control=1.3; progress=done |
    And "somsri" fires "re-rate risks" with:
      | corruption risks | row=1; likelihood=low; risk status=closed; reason for the rating=the three controls are done and no event was found in the year |
    Then the case has the data:
      | open risks    | 2 |
      | measures done | 4 |

    Given today is 16 September 2567
    When "somsri" fires "report the results" with:
      | results report | Office memo LP 51001/1890 |
    Then the case is in state "results reported"
    And the report "corruption-risk register" for fiscal year 2567 lists in "risk assessment of the organisation":
      | row | process step                              | risk issue                           | risk level | risk score | risk status |
      | 1   | use of government property (private cars) | compliance with laws and regulations | low        | 2          | closed      |
      | 2   | procurement                               | compliance with laws and regulations | medium     | 4          | open        |
      | 3   | construction supervision                  | operations                           | high       | 6          | open        |
    And the report "corruption-risk register" for fiscal year 2567 lists in "controls no flow carries out":
      | control | risk row | owner                                     |
      | 2.1     | 2        | Supplies and Assets Division              |
      | 3.1     | 3        | works supervisors and acceptance committee |
      | 3.2     | 3        | project monitoring committee              |
    And the report "corruption-risk register" for fiscal year 2567 shows:
      | number of risks                      | 3   |
      | risks without a control              | 0   |
      | risk assessment report               | yes |
      | risk assessment reports              | 1   |
      | measures                             | 7   |
      | measures target met (at least 5)     | yes |
      | measures no flow carries out         | 3   |
      | channels                             | 2   |
      | published on at least one channel    | yes |
      | monitoring rounds held               | 2   |
    And the duty "yearly risk assessment published" in fiscal year 2567 stands:
      | period           | status       | due on        |
      | fiscal year 2567 | done on time | 31 March 2567 |
    And the duty "yearly risk management reported" in fiscal year 2567 stands:
      | period           | status       | due on            |
      | fiscal year 2567 | done on time | 30 September 2567 |

    Given today is 7 October 2567
    When "somsri" starts a "corruption_risk_register" case "R2568" with:
      | fiscal year            | 2568                                           |
      | register carried from  | corruption-risk register, fiscal year 2567     |
    And "somsri" fires "submit the measure" on "R2568" with:
      | measure       | Corruption-risk management measure, fiscal year 2568 |
      | approval memo | Office memo LP 51001/201                             |
    And "sompong" fires "approve the measure" on "R2568"
    And "sompong" fires "appoint the working group" on "R2568" with:
      | order     | 150/2567      |
      | chair     | wichai        |
      | members   | amnat, kanda  |
      | secretary | somsri        |
    And "somsri" fires "record risks" on "R2568" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the Procurement Act and its regulations; likelihood=medium; impact=medium; level the year before=medium; risk status=open; reason for the rating=carried from 2567, no training yet |
      | corruption risks | row=2; process step=construction supervision; risk issue=operations; risk event=works accepted that do not follow the plans; likelihood=low; impact=high; level the year before=high; risk status=open; reason for the rating=carried from 2567, supervisors instructed |
    Then the report "history of corruption-risk levels" for fiscal year 2568 lists in "risk levels by year":
      | fiscal year | row | process step                              | level the year before | risk level | risk status |
      | 2567        | 1   | use of government property (private cars) | -                     | low        | closed      |
      | 2567        | 2   | procurement                               | -                     | medium     | open        |
      | 2567        | 3   | construction supervision                  | -                     | high       | open        |
      | 2568        | 1   | procurement                               | medium                | medium     | open        |
      | 2568        | 2   | construction supervision                  | high                  | medium     | open        |
    And the audit trail verifies

  @plan-35-5.1 @plan-35-5.5 @plan-35-5.6
  Scenario: The drafter of the measure may not approve it, and the published assessment names every risk's event and a control for every risk (project 35, items 1, 5 and 6)
    Manop, a coordinator, submits the measure and is given the authority's role the same day: he
    may not approve the measure he submitted. A risk with no risk event cannot be published,
    because the plan wants the published assessment to hold the risk events and the measures,
    nor a risk that no control names; the briefing comes after the publication.

    When "manop" starts a "corruption_risk_register" case "R2567" with:
      | fiscal year | 2567 |
    And "manop" fires "submit the measure" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    Given "manop" holds the roles "coordinator" and "authority"
    Then "manop" cannot fire "approve the measure" because "drafter of the measure"
    And "somsri" cannot start a "corruption_risk_register" case because "already has a corruption-risk register" with:
      | fiscal year | 2567 |
    When "sompong" fires "approve the measure"
    And "sompong" fires "appoint the working group" with:
      | order     | 145/2566      |
      | chair     | wichai        |
      | members   | amnat, kanda  |
      | secretary | manop         |
    And "manop" fires "record risks" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; likelihood=medium; impact=medium; risk status=open |
      | corruption risks | row=2; process step=construction supervision; risk issue=operations; risk event=works accepted that do not follow the plans; likelihood=medium; impact=high; risk status=open |
    And "manop" fires "record controls" with:
      | controls | control=1.1; risk row=1; measure=training on procurement; owner=Supplies and Assets Division; progress=planned |
    Then "manop" cannot fire "publish the assessment" because "risk event" with:
      | publications | channel=Lampang PAO website; published on=2 October 2566 |
    When "manop" fires "amend risks" with:
      | corruption risks | row=1; risk event=procurement not following the rules |
    Then "manop" cannot fire "publish the assessment" because "not covered: 2" with:
      | publications | channel=Lampang PAO website; published on=2 October 2566 |
    When "manop" fires "record controls" with:
      | controls | control=2.1; risk row=2; measure=a project monitoring committee; owner=project monitoring committee; progress=planned |
    And "manop" fires "publish the assessment" with:
      | publications | channel=Lampang PAO website; published on=2 October 2566 |
    Then the case is in state "assessment published"
    And "manop" cannot fire "brief staff" because "briefing date" with:
      | briefing date      | 29 September 2566 |
      | briefing attendees | 30                |
      | briefing minutes   | briefing minutes  |
    And the audit trail verifies

  @plan-35-5.4 @plan-35-5.5 @plan-35-5.8
  Scenario: Fiscal year 2567 with four measures only, published late and never reported (project 35, items 4, 5 and 8)
    The register holds four controls, below the target of at least five; it is published on
    2 April 2567, after its due date of 31 March 2567, and the fiscal year ends without a report.
    The duties calendar records both.

    When "somsri" starts a "corruption_risk_register" case "R2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "submit the measure" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | Office memo LP 51001/220                             |
    And "sompong" fires "approve the measure"
    And "sompong" fires "appoint the working group" with:
      | order     | 145/2566      |
      | chair     | wichai        |
      | members   | amnat, kanda  |
      | secretary | somsri        |
    And "somsri" fires "record risks" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the rules; likelihood=medium; impact=medium; risk status=open |
      | corruption risks | row=2; process step=construction supervision; risk issue=operations; risk event=works accepted that do not follow the plans; likelihood=medium; impact=high; risk status=open |
    And "somsri" fires "record controls" with:
      | controls | control=1.1; risk row=1; measure=training on procurement; owner=Supplies and Assets Division; progress=planned |
      | controls | control=1.2; risk row=1; measure=instruct compliance with the rules; owner=heads of all units; progress=planned |
      | controls | control=2.1; risk row=2; measure=instruct the works supervisors and the acceptance committee; owner=works supervisors and acceptance committee; progress=planned |
      | controls | control=2.2; risk row=2; measure=a project monitoring committee; owner=project monitoring committee; progress=planned |
    Given today is 1 April 2567
    Then the duty "yearly risk assessment published" of period "fiscal year 2567" of fiscal year 2567 is overdue
    And the duty "yearly risk assessment published" of period "fiscal year 2567" of fiscal year 2567 was recorded overdue
    Given today is 2 April 2567
    When "somsri" fires "publish the assessment" with:
      | publications | channel=Lampang PAO website; published on=2 April 2567 |
    Then the duty "yearly risk assessment published" of period "fiscal year 2567" of fiscal year 2567 is done late
    Given today is 1 October 2567
    Then the duty "yearly risk management reported" of period "fiscal year 2567" of fiscal year 2567 is overdue
    And the duty "yearly risk management reported" of period "fiscal year 2567" of fiscal year 2567 was recorded overdue
    And the report "corruption-risk register" for fiscal year 2567 shows:
      | measures                         | 4  |
      | measures target met (at least 5) | no |
      | risk assessment report           | no |
      | risk assessment reports          | 0  |
      | measures no flow carries out     | 4  |
    And the audit trail verifies
