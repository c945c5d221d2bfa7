Feature: Budget transparency of a fiscal year (integrity plan, project 9)
  Strengthening transparency in budget administration (activity "Reporting spending results to the public").
  Responsible: Finance Division, Lampang PAO.
  Outputs: financial information published on at least 3 channels, and one public forum.

  Method
  step 5.1 (tag @plan-9-5.1): collect the data of the year's spending.
  step 5.2 (tag @plan-9-5.2): publish the annual spending plan to the public on the website and other channels.
  step 5.3 (tag @plan-9-5.3): hold a forum hearing the opinions and suggestions of staff and stakeholders,
  to make spending transparent and worth its cost.
  step 5.4 (tag @plan-9-5.4): monitoring meetings on the year's spending.
  step 5.5 (tag @plan-9-5.5): report the results and publish them to staff and public (the statutory
  reports are in features/budget_report).

  The spending plan published by 31 December, a monitoring meeting every quarter and the results
  reported by 30 September are the budget_transparency flow's reading: the plan sets no dates.

  The same scenarios as budget_transparency.th.feature.

  Background:
    Given today is 2 October 2566
    And "sunee" holds the role "finance officer" in the unit "กองคลัง"
    And "prasert" holds the role "Director of Finance" in the unit "กองคลัง"

  @plan-9-5.1 @plan-9-5.2 @plan-9-5.3 @plan-9-5.4 @plan-9-5.5
  Scenario: The programme of fiscal year 2567 from the spending data to the published results (project 9, steps 5.1 to 5.5)
    The Finance Division collects the budget data (5.1), publishes the spending plan on the website,
    Facebook and the notice board (5.2), meets every quarter to monitor spending (5.4), holds one
    public forum (5.3), reports the results to the executive and publishes them to staff and
    public (5.5).

    When "sunee" starts a "budget_transparency" case "BT2567" with:
      | fiscal year            | 2567          |
      | budget approved (baht) | 1,250,000,000 |
    And "sunee" fires "record spending data" with:
      | the year's spending data | budget ordinance of fiscal year 2567 by programme and source of funds |
    Given today is 16 October 2566
    When "sunee" fires "publish the spending plan" with:
      | annual spending plan   | plan of operations and procurement plan, fiscal year 2567 |
      | financial publications | channel=website; published on=16 October 2566; address=https://www.lampangpao.go.th/finance/plan-2567 |
      | financial publications | channel=Facebook; published on=16 October 2566 |
      | financial publications | channel=notice board; published on=16 October 2566 |
    Then the case has the data:
      | financial channels | 3 |
    Given today is 20 December 2566
    When "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=1/2567; meeting date=20 December 2566; attendees=24; minutes=speed up first-quarter commitments |
    Given today is 17 January 2567
    When "sunee" fires "record a public forum" with:
      | public forums | forum=1; held on=17 January 2567; participants=85; suggestions=publish quarterly disbursement on Facebook |
    Given today is 20 March 2567
    When "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=2/2567; meeting date=20 March 2567; attendees=22 |
    Given today is 19 June 2567
    When "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=3/2567; meeting date=19 June 2567; attendees=23 |
    Given today is 18 September 2567
    When "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=4/2567; meeting date=18 September 2567; attendees=25 |
    And "sunee" fires "record spending data" with:
      | the year's spending data | disbursement up to 17 September 2567 by programme |
      | disbursed (baht)         | 1,087,500,000                                       |
    Given today is 20 September 2567
    When "prasert" fires "report the results" with:
      | results report | Finance Division memo LP 51004/980 |
    Given today is 25 September 2567
    When "sunee" fires "publish the results" with:
      | results publications | results channel=website; audience=public; results published on=25 September 2567 |
      | results publications | results channel=internal circular; audience=staff; results published on=25 September 2567 |
    Then the case is in state "results published"
    And the report "budget transparency" for fiscal year 2567 shows:
      | financial channels                    | 3     |
      | published on at least 3 channels      | yes   |
      | forums held                           | 1     |
      | at least one forum                    | yes   |
      | monitoring meetings held              | 4     |
      | quarters without a monitoring meeting | 0     |
      | disbursement rate (%)                 | 87.00 |
      | results reported                      | yes   |
    And the duty "quarterly monitoring meeting" in fiscal year 2567 stands:
      | period    | status       | due on            |
      | quarter 1 | done on time | 31 December 2566  |
      | quarter 2 | done on time | 31 March 2567     |
      | quarter 3 | done on time | 30 June 2567      |
      | quarter 4 | done on time | 30 September 2567 |
    And the duty "annual spending plan published" in fiscal year 2567 stands:
      | period           | status       | due on           |
      | fiscal year 2567 | done on time | 31 December 2566 |
    And the duty "yearly results reported" in fiscal year 2567 stands:
      | period           | status       | due on            |
      | fiscal year 2567 | done on time | 30 September 2567 |
    And the audit trail verifies

  @plan-9-5.2 @plan-9-5.3 @plan-9-5.5
  Scenario: The spending plan goes on the website, the results wait for a public forum, and reach both staff and public (project 9, steps 5.2, 5.3 and 5.5)
    When "sunee" starts a "budget_transparency" case "BT2567" with:
      | fiscal year            | 2567          |
      | budget approved (baht) | 1,250,000,000 |
    Then "sunee" cannot fire "publish the spending plan" because "website" with:
      | annual spending plan   | plan of operations, fiscal year 2567 |
      | financial publications | channel=notice board; published on=2 October 2566 |
    And "sunee" cannot start a "budget_transparency" case because "already has a programme" with:
      | fiscal year | 2567 |
    When "sunee" fires "publish the spending plan" with:
      | annual spending plan   | plan of operations, fiscal year 2567 |
      | financial publications | channel=website; published on=2 October 2566 |
    And "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=1/2567; meeting date=2 October 2566; attendees=24 |
    And "sunee" fires "record spending data" with:
      | the year's spending data | first-quarter disbursement |
      | disbursed (baht)         | 200,000,000                |
    Then "prasert" cannot fire "report the results" because "public forum" with:
      | results report | LP 51004/980 |
    When "sunee" fires "record a public forum" with:
      | public forums | forum=1; held on=2 October 2566; participants=60 |
    And "prasert" fires "report the results" with:
      | results report | LP 51004/980 |
    Then "sunee" cannot fire "publish the results" because "staff" with:
      | results publications | results channel=website; audience=public; results published on=2 October 2566 |
    And the audit trail verifies

  @plan-9-5.2 @plan-9-5.4
  Scenario: Fiscal year 2567 with two channels only, no monitoring meeting in the second quarter and no forum (project 9, steps 5.2 and 5.4)
    The Finance Division publishes the plan on the website and the notice board, below the target
    of three channels, meets in the first quarter and not in the second. The duties calendar finds
    the quarter missed, and the year's report shows the outputs missed.

    When "sunee" starts a "budget_transparency" case "BT2567" with:
      | fiscal year | 2567 |
    And "sunee" fires "publish the spending plan" with:
      | annual spending plan   | plan of operations, fiscal year 2567 |
      | financial publications | channel=website; published on=2 October 2566 |
      | financial publications | channel=notice board; published on=2 October 2566 |
    Given today is 20 December 2566
    When "prasert" fires "record a monitoring meeting" with:
      | monitoring meetings | meeting=1/2567; meeting date=20 December 2566; attendees=24 |
    Given today is 1 April 2567
    Then the duty "quarterly monitoring meeting" of period "quarter 2" of fiscal year 2567 is overdue
    And the duty "quarterly monitoring meeting" of period "quarter 2" of fiscal year 2567 was recorded overdue
    And the report "budget transparency" for fiscal year 2567 shows:
      | financial channels                    | 2  |
      | published on at least 3 channels      | no |
      | forums held                           | 0  |
      | at least one forum                    | no |
      | quarters without a monitoring meeting | 1  |
      | results reported                      | no |
    And the audit trail verifies
