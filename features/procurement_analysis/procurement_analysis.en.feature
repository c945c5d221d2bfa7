Feature: The annual procurement analysis (integrity plan, project 12)
  Activity: annual procurement results analysis.
  Responsible: Supplies and Assets Division, Lampang PAO.
  Outputs: one report of the year's procurement analysis, published to the public on at least 3 channels.

  Method
  step 5.1 (tag @plan-12-5.1): collect the procurement data.
  step 5.2 (tag @plan-12-5.2): analyse the procurement results.
  step 5.3 (tag @plan-12-5.3): summarise the procurement results.
  step 5.4 (tag @plan-12-5.4): report the analysis to the executive, to improve procurement in the next fiscal year.
  step 5.5 (tag @plan-12-5.5): publish it to the staff and the public.

  Part 1's risk table, row 2 (tag @plan-risk-2): procurement | compliance | medium; its second
  control, instructing compliance with the laws, ministerial rules and regulations, is the
  executive's acknowledgement with the changes directed for the next fiscal year (step 5.4).
  Its first control, procurement training, is carried out by no project of the plan.

  A year's analysis reported to the executive by 31 December of the next fiscal year is this
  flow's reading.

  The same scenarios as procurement_analysis.th.feature.

  Background:
    Given today is 2 October 2566
    And "preecha" holds the role "procurement officer" in the unit "กองพัสดุและทรัพย์สิน"
    And "arun" holds the role "Director of Supplies and Assets" in the unit "กองพัสดุและทรัพย์สิน"
    And "chaiwat" holds the role "executive"

  @plan-12-5.1 @plan-12-5.2 @plan-12-5.3 @plan-12-5.4 @plan-12-5.5 @plan-risk-2
  Scenario: The analysis of fiscal year 2566 from the data to its publication (project 12, steps 5.1 to 5.5)
    The Division collects the data of four methods (5.1), analyses and summarises the problems
    (5.2, 5.3), reports to the executive, who directs changes for fiscal year 2567 (5.4), and
    publishes to the public on three channels and to the staff (5.5).

    When "preecha" starts a "procurement_analysis" case "PA2566" with:
      | fiscal year analysed | 2566 |
    And "preecha" fires "record procurement data" with:
      | procurement by method | method=open invitation (e-bidding); contracts=42; budget (baht)=310,000,000; contract value (baht)=295,500,000 |
      | procurement by method | method=open invitation (e-market); contracts=65; budget (baht)=48,000,000; contract value (baht)=46,200,000 |
      | procurement by method | method=selection; contracts=5; budget (baht)=12,000,000; contract value (baht)=11,700,000 |
      | procurement by method | method=specific procurement; contracts=380; budget (baht)=35,000,000; contract value (baht)=34,650,000 |
    Given today is 16 October 2566
    When "preecha" fires "analyse and summarise" with:
      | analysis | specific procurement has the most contracts, e-bidding most of the value |
      | problems | few bidders for small works, reference prices set late |
      | improvements | procurement plan done in the first quarter, training on reference prices |
    Given today is 1 November 2566
    When "arun" fires "report to the executive" with:
      | report to the executive | Supplies and Assets Division memo LP 51006/250 |
    Given today is 3 November 2566
    When "chaiwat" fires "acknowledge and direct changes" with:
      | changes for the next fiscal year | every division sends its supply needs by November 2566; every procurement follows the Public Procurement Act B.E. 2560, its ministerial rules and regulations |
    Given today is 8 November 2566
    When "preecha" fires "publish the analysis" with:
      | publications | channel=website; audience=public; published on=8 November 2566 |
      | publications | channel=Facebook; audience=public; published on=8 November 2566 |
      | publications | channel=notice board; audience=public; published on=8 November 2566 |
      | publications | channel=staff meeting; audience=staff; published on=8 November 2566 |
    Then the case is in state "published"
    And the report "annual procurement analysis" for fiscal year 2566 shows:
      | contracts in all | 492 |
      | contracts by specific procurement | 380 |
      | contract value in all (baht) | 388,050,000 |
      | savings in all (baht) | 16,950,000 |
      | analysis reports | 1 |
      | channels to the public | 3 |
      | published on at least 3 channels | yes |
    And the report "annual procurement analysis" for fiscal year 2566 lists in "procurement by method":
      | method | contracts | savings (baht) |
      | open invitation (e-bidding) | 42 | 14,500,000 |
      | open invitation (e-market) | 65 | 1,800,000 |
      | selection | 5 | 300,000 |
      | specific procurement | 380 | 350,000 |
    And the duty "last year's procurement analysis reported" in fiscal year 2567 stands:
      | period | status | due on |
      | fiscal year 2567 | done on time | 31 December 2566 |
    And the audit trail verifies

  @plan-12-5.2 @plan-12-5.5
  Scenario: No analysis before the data, and no publication to the public on fewer than three channels (project 12, steps 5.2 and 5.5)
    Given today is 5 October 2566
    When "preecha" starts a "procurement_analysis" case "PA2566" with:
      | fiscal year analysed | 2566 |
    Then "preecha" cannot fire "analyse and summarise" because "no procurement data" with:
      | analysis | - |
      | problems | - |
      | improvements | - |
    When "preecha" fires "record procurement data" with:
      | procurement by method | method=specific procurement; contracts=380; budget (baht)=35,000,000; contract value (baht)=34,650,000 |
    And "preecha" fires "analyse and summarise" with:
      | analysis | specific procurement has the most contracts |
      | problems | reference prices set late |
      | improvements | training on reference prices |
    And "arun" fires "report to the executive" with:
      | report to the executive | LP 51006/250 |
    And "chaiwat" fires "acknowledge and direct changes" with:
      | changes for the next fiscal year | training on reference prices |
    Then "preecha" cannot fire "publish the analysis" because "three channels" with:
      | publications | channel=website; audience=public; published on=5 October 2566 |
      | publications | channel=Facebook; audience=public; published on=5 October 2566 |
      | publications | channel=staff meeting; audience=staff; published on=5 October 2566 |
    And the audit trail verifies

  @plan-12-5.4
  Scenario: The analysis of fiscal year 2566 not reported to the executive in time (project 12, step 5.4)
    The data is collected but by 3 January 2567 the analysis is not reported: the duties calendar
    records it, and the report shows no analysis report.
    Given today is 5 October 2566

    When "preecha" starts a "procurement_analysis" case "PA2566" with:
      | fiscal year analysed | 2566 |
    And "preecha" fires "record procurement data" with:
      | procurement by method | method=specific procurement; contracts=380; budget (baht)=35,000,000; contract value (baht)=34,650,000 |
    Given today is 3 January 2567
    Then the duty "last year's procurement analysis reported" of period "fiscal year 2567" of fiscal year 2567 is overdue
    And the duty "last year's procurement analysis reported" of period "fiscal year 2567" of fiscal year 2567 was recorded overdue
    And the report "annual procurement analysis" for fiscal year 2566 shows:
      | analysis reports | 0 |
      | channels to the public | 0 |
      | published on at least 3 channels | no |
    And the audit trail verifies
