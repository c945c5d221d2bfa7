Feature: Public data disclosure and its oversight (integrity plan, project 10)
  Measure: disclosure of public data and oversight of its publication.
  Responsible: Tourism Promotion Section, Office of the PAO Permanent Secretary.
  Output: public data kept current in five categories. Outcome: satisfaction of at least 80 per cent.

  Method
  step 5.1 (tag @plan-10-5.1): set up the working group on the public data measure.
  step 5.2 (tag @plan-10-5.2): working-group meetings set the guideline: useful data kept current on the
  website and other channels in five categories (basic information, administration, budget, human
  resources, transparency), and the service information.
  step 5.3 (tag @plan-10-5.3): follow up the measure.
  step 5.4 (tag @plan-10-5.4): report the results to the executive.

  A follow-up each half of the fiscal year is this flow's reading: the plan gives no frequency.

  The same scenarios as public_data_disclosure.th.feature.

  Background:
    Given today is 2 October 2566
    And "siri" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "chaiwat" holds the role "executive"

  @plan-10-5.1 @plan-10-5.2 @plan-10-5.3 @plan-10-5.4
  Scenario: Public data disclosure of fiscal year 2567 from the working group to the report (project 10, steps 5.1 to 5.4)
    When "siri" starts a "public_data_disclosure" case "PD2567" with:
      | fiscal year | 2567 |
    Given today is 4 October 2566
    When "chaiwat" fires "appoint the working group" with:
      | order | 148/2566 |
      | chair | wichai |
      | members | kanda, amnat |
      | secretary | siri |
    Given today is 11 October 2566
    When "siri" fires "list items" with:
      | public data items | ITA item=O1; category=basic information; item=organisation structure; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/structure; refresh by=31 March 2567 |
      | public data items | ITA item=O10; category=administration; item=plan of operations; owner=Strategy and Budget Division; address=https://www.lampangpao.go.th/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O13; category=budget; item=annual spending plan; owner=Finance Division; address=https://www.lampangpao.go.th/finance/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O24; category=human resources; item=human resources policy; owner=Personnel Division; address=https://www.lampangpao.go.th/hr; refresh by=31 March 2567 |
      | public data items | ITA item=O28; category=transparency; item=handling corruption complaints; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/complaints; refresh by=31 March 2567 |
      | public data items | ITA item=S1; category=service information; item=public service manual; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/services; refresh by=31 March 2567 |
    And "siri" fires "adopt the guideline"
    Then the case is in state "following up"
    And the case has the data:
      | categories disclosed | 5 |
    Given today is 29 March 2567
    When "siri" fires "record a follow-up" with:
      | follow-up rounds | round=first half; checked on=29 March 2567; findings=every item current |
      | public data items | ITA item=O1; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O10; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O13; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O24; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O28; status=current; updated on=29 March 2567 |
      | public data items | ITA item=S1; status=current; updated on=29 March 2567 |
    Given today is 23 September 2567
    When "siri" fires "record a follow-up" with:
      | follow-up rounds | round=second half; checked on=23 September 2567; findings=the spending plan is not updated |
      | public data items | ITA item=O13; status=outdated |
    Given today is 27 September 2567
    When "siri" fires "report to the executive" with:
      | report to the executive | Office memo LP 51001/1900 |
      | satisfaction with the disclosure (%) | 85.40 |
    Then the case is in state "reported"
    And the report "public data disclosure" for fiscal year 2567 shows:
      | items | 6 |
      | categories disclosed | 5 |
      | all five categories disclosed | yes |
      | items current | 5 |
      | items outdated or missing | 1 |
      | satisfaction with the disclosure (%) | 85.40 |
      | satisfaction of at least 80% | yes |
    And the report "public data disclosure" for fiscal year 2567 lists in "public data checklist":
      | ITA item | category | owner | updated on | status |
      | O1 | basic information | Office of the Permanent Secretary | 29 March 2567 | current |
      | O10 | administration | Strategy and Budget Division | 29 March 2567 | current |
      | O13 | budget | Finance Division | 29 March 2567 | outdated |
      | O24 | human resources | Personnel Division | 29 March 2567 | current |
      | O28 | transparency | Office of the Permanent Secretary | 29 March 2567 | current |
      | S1 | service information | Office of the Permanent Secretary | 29 March 2567 | current |
    And the duty "half-yearly follow-up" in fiscal year 2567 stands:
      | period | status | due on |
      | half 1 | done on time | 31 March 2567 |
      | half 2 | done on time | 30 September 2567 |
    And the audit trail verifies

  @plan-10-5.2 @plan-10-5.4
  Scenario: The guideline covers the five categories, and the report needs every item followed up (project 10, steps 5.2 and 5.4)
    Given today is 5 October 2566
    When "siri" starts a "public_data_disclosure" case "PD2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the working group" with:
      | order | 148/2566 |
      | chair | wichai |
      | members | kanda, amnat |
      | secretary | siri |
    And "siri" fires "list items" with:
      | public data items | ITA item=O1; category=basic information; item=organisation structure; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/structure; refresh by=31 March 2567 |
      | public data items | ITA item=O10; category=administration; item=plan of operations; owner=Strategy and Budget Division; address=https://www.lampangpao.go.th/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O13; category=budget; item=annual spending plan; owner=Finance Division; address=https://www.lampangpao.go.th/finance/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O28; category=transparency; item=handling corruption complaints; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/complaints; refresh by=31 March 2567 |
      | public data items | ITA item=S1; category=service information; item=public service manual; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/services; refresh by=31 March 2567 |
    Then "siri" cannot fire "adopt the guideline" because "five categories"
    When "siri" fires "list items" with:
      | public data items | ITA item=O24; category=human resources; item=human resources policy; owner=Personnel Division; address=https://www.lampangpao.go.th/hr |
    And "siri" fires "adopt the guideline"
    And "siri" fires "record a follow-up" with:
      | follow-up rounds | round=first half; checked on=5 October 2566; findings=not all checked |
      | public data items | ITA item=O1; status=current |
    Then "siri" cannot fire "report to the executive" because "follow-up status" with:
      | report to the executive | LP 51001/1900 |
      | satisfaction with the disclosure (%) | 85 |
    And the audit trail verifies

  @plan-10-5.3 @plan-10-5.4
  Scenario: No follow-up in the second half, and satisfaction below 80 per cent (project 10, steps 5.3 and 5.4)
    Given today is 5 October 2566
    When "siri" starts a "public_data_disclosure" case "PD2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the working group" with:
      | order | 148/2566 |
      | chair | wichai |
      | members | kanda, amnat |
      | secretary | siri |
    And "siri" fires "list items" with:
      | public data items | ITA item=O1; category=basic information; item=organisation structure; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/structure; refresh by=31 March 2567 |
      | public data items | ITA item=O10; category=administration; item=plan of operations; owner=Strategy and Budget Division; address=https://www.lampangpao.go.th/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O13; category=budget; item=annual spending plan; owner=Finance Division; address=https://www.lampangpao.go.th/finance/plan; refresh by=31 March 2567 |
      | public data items | ITA item=O24; category=human resources; item=human resources policy; owner=Personnel Division; address=https://www.lampangpao.go.th/hr; refresh by=31 March 2567 |
      | public data items | ITA item=O28; category=transparency; item=handling corruption complaints; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/complaints; refresh by=31 March 2567 |
      | public data items | ITA item=S1; category=service information; item=public service manual; owner=Office of the Permanent Secretary; address=https://www.lampangpao.go.th/services; refresh by=31 March 2567 |
    And "siri" fires "adopt the guideline"
    Given today is 29 March 2567
    When "siri" fires "record a follow-up" with:
      | follow-up rounds | round=first half; checked on=29 March 2567; findings=two items outdated |
      | public data items | ITA item=O1; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O10; status=current; updated on=29 March 2567 |
      | public data items | ITA item=O13; status=outdated; updated on=29 March 2567 |
      | public data items | ITA item=O24; status=outdated; updated on=29 March 2567 |
      | public data items | ITA item=O28; status=current; updated on=29 March 2567 |
      | public data items | ITA item=S1; status=current; updated on=29 March 2567 |
    Given today is 1 October 2567
    Then the duty "half-yearly follow-up" of period "half 2" of fiscal year 2567 is overdue
    And the duty "half-yearly follow-up" of period "half 2" of fiscal year 2567 was recorded overdue
    When "siri" fires "report to the executive" with:
      | report to the executive | LP 51001/1900 |
      | satisfaction with the disclosure (%) | 72 |
    Then the report "public data disclosure" for fiscal year 2567 shows:
      | items outdated or missing | 2 |
      | satisfaction with the disclosure (%) | 72 |
      | satisfaction of at least 80% | no |
    And the audit trail verifies
