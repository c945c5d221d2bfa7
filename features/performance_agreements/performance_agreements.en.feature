Feature: Performance agreements of Lampang PAO (integrity plan, project 26)
  Activity "performance agreements of Lampang Provincial Administrative Organization",
  anti-corruption action plan, fiscal years B.E. 2566-2570. Owner: every division.
  Output: performance agreements are made at division level.

  Method
  item 1 (tag @plan-26-5.1): written performance agreements with subordinates, signed between
  the Chief Executive and the Palad and between the Palad and the heads of unit, with the
  working group selecting indicators in each dimension 1.1 to 1.6.
  item 2 (tag @plan-26-5.2): explain the indicators and the evaluation framework to the
  divisions and staff.
  item 3 (tag @plan-26-5.3): follow up performance through the 6-, 9- and 12-month reports.
  item 4 (tag @plan-26-5.4): hear the units responsible for the indicators.
  item 5 (tag @plan-26-5.5): measure the results against the targets and the scoring criteria.
  item 6 (tag @plan-26-5.6): coordinate with the responsible units where a target is missed,
  to find a remedy.
  item 7 (tag @plan-26-5.7): report the results.

  The plan sets no due date for the 6-, 9- and 12-month reports: here they are due by 30
  April, 31 July and 30 October. Agreements are made every six months, per evaluation round.
  The indicators and results are examples.

  The same scenarios as performance_agreements.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the role "coordinator" in the unit "Strategy and Budget Division"
    And "sompong" holds the roles "party" and "Chief Executive"
    And "prasit" holds the role "party" in the unit "Office of the PAO Permanent Secretary"
    And "kanda" holds the roles "party" and "head of the responsible unit" in the unit "Finance Division"
    And "suda" holds the role "party" in the unit "Finance Division"

  @plan-26-5.1 @plan-26-5.2 @plan-26-5.3 @plan-26-5.4 @plan-26-5.5 @plan-26-5.6 @plan-26-5.7
  Scenario: The performance agreements of fiscal year 2567, from the indicators to the report (items 1 to 7)
    The working group selects indicators in all 6 dimensions; the Chief Executive signs with
    the Palad, the Palad with the Finance Division's director, the director with her staff
    (item 1); the indicators are explained (item 2); the second round's agreement is signed in
    April; the 6-, 9- and 12-month reports are made on time (item 3); the Finance Division is
    heard (item 4); at the half-year evaluation in March the director scores her staff's
    agreement against its targets, levels 5 and 4 weighed 60 and 40: (5 x 60 + 4 x 40) / 5 =
    92.00 (item 5); results are measured against the targets (item 5); every target is met,
    so no remedy is needed (item 6); the results are reported (item 7).

    When "malee" starts a "performance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "malee" fires "record the indicators" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); dimension=administration for the people's well-being; target=80; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=plan projects completed (%); dimension=administration for results; target=85; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=budget disbursed (%); dimension=efficient and worthwhile administration; target=90; overseer=Finance Division; data collector=officer of the Finance Division |
      | indicators | indicator=services with fewer steps; dimension=fewer working steps; target=3; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=grievances resolved (%); dimension=serving and responding to the people; target=90; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=staff trained (%); dimension=knowledge development and evaluation; target=80; overseer=Personnel Division; data collector=officer of the Personnel Division |
    Then the case "Y2567" is in state "making agreements"
    And the case "Y2567" has the data:
      | indicators selected | 6 |
      | dimensions covered  | 6 |

    Given today is 16 October 2566
    When "malee" starts a "performance_agreement" case "B1" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | Chief Executive and Palad |
      | unit        | Lampang PAO |
      | superior    | sompong |
      | subordinate | prasit |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "prasit" fires "sign as the subordinate" on "B1"
    And "sompong" fires "sign as the superior" on "B1"
    And "malee" starts a "performance_agreement" case "B2" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | Palad and head of unit |
      | unit        | Finance Division |
      | superior    | prasit |
      | subordinate | kanda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "kanda" fires "sign as the subordinate" on "B2"
    And "prasit" fires "sign as the superior" on "B2"
    And "malee" starts a "performance_agreement" case "B3" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "suda" fires "sign as the subordinate" on "B3"
    And "kanda" fires "sign as the superior" on "B3"
    Then the case "B3" is in state "signed by both"

    Given today is 6 November 2566
    When "malee" fires "brief on the indicators" on "Y2567" with:
      | briefing date      | 6 November 2566 |
      | briefing attendees | 40 |
      | briefing minutes   | minutes of the briefing on the indicators 1/2567 |
    Then the case "Y2567" is in state "following up"

    Given today is 4 March 2567
    When "kanda" fires "score the agreement" on "B3" with:
      | agreed indicators | indicator=budget disbursed (%); result=92.30; level of the scoring criteria (1-5)=5 |
      | agreed indicators | indicator=staff trained (%); result=82; level of the scoring criteria (1-5)=4 |
    Then the case "B3" is in state "scored"
    And the case "B3" has the data:
      | total points           | 460   |
      | score of the agreement | 92.00 |
      | indicators missed      | 0     |
      | scored by              | kanda |

    Given today is 1 April 2567
    When "malee" starts a "performance_agreement" case "B4" with:
      | round       | round 2 (1 April - 30 September) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "suda" fires "sign as the subordinate" on "B4"
    And "kanda" fires "sign as the superior" on "B4"

    Given today is 22 April 2567
    When "malee" fires "record the 6-month report" on "Y2567" with:
      | 6-month report date | 22 April 2567 |
      | 6-month findings    | 45% of the budget disbursed, a little behind the plan |
    And "kanda" fires "record the units' views" on "Y2567" with:
      | views of the responsible units | hearing=1; unit=Finance Division; views=every division should send its disbursement papers sooner |
    Given today is 24 July 2567
    When "malee" fires "record the 9-month report" on "Y2567" with:
      | 9-month report date | 24 July 2567 |
      | 9-month findings    | every indicator on plan |
    Given today is 21 October 2567
    When "malee" fires "record the 12-month report" on "Y2567" with:
      | 12-month report date | 21 October 2567 |
      | 12-month findings    | every indicator reached its target |
    And "malee" fires "score against the targets" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); result=85.50; score=4 |
      | indicators | indicator=plan projects completed (%); result=90; score=5 |
      | indicators | indicator=budget disbursed (%); result=92.30; score=5 |
      | indicators | indicator=services with fewer steps; result=4; score=5 |
      | indicators | indicator=grievances resolved (%); result=95; score=5 |
      | indicators | indicator=staff trained (%); result=82; score=4 |
    Then the case "Y2567" has the data:
      | indicators met | 6    |
      | average score  | 4.67 |

    Given today is 28 October 2567
    When "malee" fires "report the results" on "Y2567" with:
      | results summary | all 6 indicators met; average score 4.67 |
    Then the case "Y2567" is in state "results reported"
    And the duty "6-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is done on time
    And the duty "9-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is done on time
    And the duty "12-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is done on time
    And the report "performance_agreements" for fiscal year 2567 shows:
      | figure                                            | value |
      | indicators selected                               | 6     |
      | dimensions covered                                | 6     |
      | agreements signed                                 | 4     |
      | agreements signed, round 1 (1 October - 31 March)        | 3     |
      | agreements signed, round 2 (1 April - 30 September)        | 1     |
      | agreements: Chief Executive and Palad                 | 1     |
      | agreements: Palad and head of unit                    | 1     |
      | agreements: head of unit and staff                    | 2     |
      | agreements scored                                 | 1     |
      | average score of the agreements                   | 92.00 |
      | agreed indicators missed                          | 0     |
      | 6-, 9- and 12-month reports made                  | 3     |
      | indicators met                                    | 6     |
      | indicators met (%)                                | 100   |
      | average score                                     | 4.67  |
      | remedies agreed                                   | 0     |
      | results reported                                  | yes   |
    And the audit trail of "B3" records:
      | actor | trigger                 | from                      | to                        |
      | malee | draft the agreement     |                           | drafted                   |
      | suda  | sign as the subordinate | drafted                   | signed by the subordinate |
      | kanda | sign as the superior    | signed by the subordinate | signed by both            |
      | kanda | score the agreement     | signed by both            | scored                    |
    And the audit trail verifies

  @plan-26-5.1 @plan-26-5.2
  Scenario: Indicators in all 6 dimensions, weights adding up to 100, and an agreement signed by one party keeps the briefing from going ahead (items 1 and 2)
    Indicators in 5 dimensions are refused; an agreement whose weights add up to 90 is refused;
    Suda may not sign her own agreement as the superior; an agreement the superior signed but
    the subordinate has not keeps the indicators from being explained; one person has one
    agreement at a level in a round.

    When "malee" starts a "performance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    Then "malee" cannot fire "record the indicators" on "Y2567" because "all 6 dimensions" with:
      | indicators | indicator=citizens satisfied with the services (%); dimension=administration for the people's well-being; target=80; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=plan projects completed (%); dimension=administration for results; target=85; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=budget disbursed (%); dimension=efficient and worthwhile administration; target=90; overseer=Finance Division; data collector=officer of the Finance Division |
      | indicators | indicator=services with fewer steps; dimension=fewer working steps; target=3; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=grievances resolved (%); dimension=serving and responding to the people; target=90; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
    When "malee" fires "record the indicators" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); dimension=administration for the people's well-being; target=80; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=plan projects completed (%); dimension=administration for results; target=85; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=budget disbursed (%); dimension=efficient and worthwhile administration; target=90; overseer=Finance Division; data collector=officer of the Finance Division |
      | indicators | indicator=services with fewer steps; dimension=fewer working steps; target=3; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=grievances resolved (%); dimension=serving and responding to the people; target=90; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=staff trained (%); dimension=knowledge development and evaluation; target=80; overseer=Personnel Division; data collector=officer of the Personnel Division |
    Then "malee" cannot start a "performance_agreement" case because "add up to 100" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=30 |
    When "malee" starts a "performance_agreement" case "B3" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    Then "malee" cannot start a "performance_agreement" case because "already has an agreement at this level in this round" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | prasit |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "suda" cannot fire "sign as the superior" on "B3" because "superior"
    When "kanda" fires "sign as the superior" on "B3"
    Then the case "B3" is in state "signed by the superior"
    And "malee" cannot fire "brief on the indicators" on "Y2567" because "signed by both parties" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 40 |
      | briefing minutes   | minutes of the briefing on the indicators 1/2567 |
    When "suda" fires "sign as the subordinate" on "B3"
    And "malee" fires "brief on the indicators" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 40 |
      | briefing minutes   | minutes of the briefing on the indicators 1/2567 |
    Then the case "Y2567" is in state "following up"
    And the audit trail of "Y2567" records:
      | actor | trigger                 | from                 | to                | outcome |
      | malee | record the indicators   | selecting indicators |                   | refused |
      | malee | record the indicators   | selecting indicators | making agreements | moved   |
      | malee | brief on the indicators | making agreements    |                   | refused |
      | malee | brief on the indicators | making agreements    | following up      | moved   |
    And the audit trail verifies

  @plan-26-5.3 @plan-26-5.5 @plan-26-5.6 @plan-26-5.7
  Scenario: No 9-month report and an indicator below its target: a remedy before the report (items 3, 5, 6 and 7)
    The 6-month report comes on 2 May 2567, late; the 9-month report never comes and is
    overdue; the 12-month report is on time. At the half-year evaluation Suda cannot score
    her own agreement; the director's scoring is refused until the missed indicator (budget
    disbursement, 84.50 against 90) has a remedy: (3 x 60 + 5 x 40) / 5 = 76.00. Over the
    year budget disbursement reaches 84.50 per cent against a target of 90, so the results
    cannot be reported until a remedy is agreed with the Finance Division.

    When "malee" starts a "performance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "malee" fires "record the indicators" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); dimension=administration for the people's well-being; target=80; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=plan projects completed (%); dimension=administration for results; target=85; overseer=Strategy and Budget Division; data collector=officer of the Strategy and Budget Division |
      | indicators | indicator=budget disbursed (%); dimension=efficient and worthwhile administration; target=90; overseer=Finance Division; data collector=officer of the Finance Division |
      | indicators | indicator=services with fewer steps; dimension=fewer working steps; target=3; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=grievances resolved (%); dimension=serving and responding to the people; target=90; overseer=Office of the PAO Permanent Secretary; data collector=officer of the Office of the PAO Permanent Secretary |
      | indicators | indicator=staff trained (%); dimension=knowledge development and evaluation; target=80; overseer=Personnel Division; data collector=officer of the Personnel Division |
    And "malee" starts a "performance_agreement" case "B3" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=staff trained (%); target=80; weight (%)=40 |
    And "suda" fires "sign as the subordinate" on "B3"
    And "kanda" fires "sign as the superior" on "B3"
    And "malee" fires "brief on the indicators" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 40 |
      | briefing minutes   | minutes of the briefing on the indicators 1/2567 |

    Given today is 4 March 2567
    Then "suda" cannot fire "score the agreement" on "B3" because "only the superior named in the agreement" with:
      | agreed indicators | indicator=budget disbursed (%); result=84.50; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=staff trained (%); result=85; level of the scoring criteria (1-5)=5 |
    And "kanda" cannot fire "score the agreement" on "B3" because "needs a remedy" with:
      | agreed indicators | indicator=budget disbursed (%); result=84.50; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=staff trained (%); result=85; level of the scoring criteria (1-5)=5 |
    When "kanda" fires "score the agreement" on "B3" with:
      | agreed indicators | indicator=budget disbursed (%); result=84.50; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=staff trained (%); result=85; level of the scoring criteria (1-5)=5 |
      | remedies          | indicator missed=budget disbursed (%); remedy=send the disbursement papers of the unit's projects every two weeks |
    Then the case "B3" is in state "scored"
    And the case "B3" has the data:
      | score of the agreement | 76.00 |
      | indicators missed      | 1     |

    Given today is 2 May 2567
    When "malee" fires "record the 6-month report" on "Y2567" with:
      | 6-month report date | 2 May 2567 |
      | 6-month findings    | 35% of the budget disbursed, behind the plan |
    Given today is 21 October 2567
    When "malee" fires "record the 12-month report" on "Y2567" with:
      | 12-month report date | 21 October 2567 |
      | 12-month findings    | budget disbursement below its target |
    Then the duty "6-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is done late
    And the duty "9-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is overdue
    And the duty "9-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is recorded as overdue
    And the duty "12-month performance report" for the period "fiscal year 2567" of fiscal year 2567 is done on time
    When "malee" fires "score against the targets" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); result=82; score=4 |
      | indicators | indicator=plan projects completed (%); result=88; score=4 |
      | indicators | indicator=budget disbursed (%); result=84.50; score=3 |
      | indicators | indicator=services with fewer steps; result=3; score=5 |
      | indicators | indicator=grievances resolved (%); result=91; score=5 |
      | indicators | indicator=staff trained (%); result=85; score=4 |
    Then the case "Y2567" has the data:
      | indicators met    | 5 |
      | indicators missed | 1 |
    And "malee" cannot fire "report the results" on "Y2567" because "a remedy is needed" with:
      | results summary | 5 of the 6 indicators met |
    When "kanda" fires "record a remedy" on "Y2567" with:
      | remedies | indicator missed=budget disbursed (%); responsible unit=Finance Division; remedy=follow every division's disbursement plan monthly and report to the executive |
    And "malee" fires "report the results" on "Y2567" with:
      | results summary | 5 of the 6 indicators met; a remedy for budget disbursement |
    Then the report "performance_agreements" for fiscal year 2567 shows:
      | figure                           | value |
      | agreements scored                | 1     |
      | average score of the agreements  | 76.00 |
      | agreed indicators missed         | 1     |
      | 6-, 9- and 12-month reports made | 2     |
      | indicators met                   | 5     |
      | indicators met (%)               | 83.33 |
      | remedies agreed                  | 1     |
      | results reported                 | yes   |
    And the audit trail verifies
