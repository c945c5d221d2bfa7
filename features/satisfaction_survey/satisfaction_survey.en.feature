Feature: The citizens' satisfaction survey (integrity plan, project 20)
  Citizen satisfaction assessment of Lampang PAO services.
  Responsible: Personnel Promotion and Development Section, Personnel Division, Lampang PAO.
  Target group: 250 citizens served in the area of Lampang PAO.

  Method
  item 1 (tag @plan-20-5.1): collect the services given under the organisation's powers and
  duties, covering at least six areas (1.1 to 1.6).
  item 2 (tag @plan-20-5.2): set up a simple, convenient satisfaction survey at the service
  point, such as a QR code or a bank-style satisfaction button.
  item 3 (tag @plan-20-5.3): let citizens rate the services.
  item 4 (tag @plan-20-5.4): summarise the results and report them to the local executive at
  least twice a year.
  item 5 (tag @plan-20-5.5): publish the results to the staff and the public on several
  channels.

  Twice a year is read as the halves of the fiscal year (October-March, April-September); the
  report is owed within 30 days and the publication within 45 days of the half's end, this
  flow's reading. The 80 per cent target is the outcome of projects 17, 19 and 23, which read
  this survey's figure.

  The same scenarios as satisfaction_survey.th.feature.

  Background:
    Given today is 2 October 2566
    And "pornthip" holds the role "survey officer" in the unit "Personnel Division"
    And "chaiwat" holds the role "local executive"

  @plan-20-5.1 @plan-20-5.2 @plan-20-5.3 @plan-20-5.4 @plan-20-5.5
  Scenario: The two survey rounds of fiscal year 2567, from listing the services to publishing the results (project 20, items 1 to 5)
    Each half, the Personnel Division lists the services of the six areas (item 1), puts a QR
    code at the service points (item 2), citizens rate them (item 3), the results are reported to
    the Chief Executive, who acknowledges them (item 4), and published on the website for the
    public and at the staff meeting (item 5). In the year 260 responded, 214 satisfied: 82.31%.

    When "pornthip" starts a "satisfaction_survey" case "H1" with:
      | end of the half surveyed | 31 March 2567 |
    And "pornthip" fires "list services" with:
      | service areas | area=infrastructure; services=roads and bridges; serving unit=Public Works Division |
      | service areas | area=quality of life; services=health promotion and elderly welfare; serving unit=Public Health Division |
      | service areas | area=community and social order; services=disaster prevention and relief; serving unit=Office of the Permanent Secretary |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion; serving unit=Strategy and Budget Division |
      | service areas | area=natural resources and environment; services=waste and environment; serving unit=Public Health Division |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals; serving unit=Education Division |
    Then the case has the data:
      | areas covered | 6 |
    Given today is 9 October 2566
    When "pornthip" fires "set up the survey system" with:
      | survey method  | QR code                                                  |
      | service points | one-stop service centre, ground floor, and every division |
    Then the case is in state "surveying"
    Given today is 1 April 2567
    When "pornthip" fires "record results" with:
      | results by area | area=infrastructure; respondents=20; satisfied respondents=17 |
      | results by area | area=quality of life; respondents=25; satisfied respondents=21 |
      | results by area | area=community and social order; respondents=20; satisfied respondents=16 |
      | results by area | area=planning, investment, commerce and tourism; respondents=15; satisfied respondents=12 |
      | results by area | area=natural resources and environment; respondents=20; satisfied respondents=17 |
      | results by area | area=education, religion, arts and culture; respondents=30; satisfied respondents=26 |
    Then the case has the data:
      | respondents in all            | 130   |
      | satisfied respondents in all  | 109   |
      | satisfaction of the round (%) | 83.85 |
    Given today is 3 April 2567
    When "pornthip" fires "report to the executive" with:
      | summary of the results     | 83.85% satisfied; planning and tourism lowest, more tourism information needed |
      | report to the executive    | Personnel Division memo LP 51003/412                                          |
    Given today is 5 April 2567
    When "chaiwat" fires "acknowledge"
    Given today is 10 April 2567
    When "pornthip" fires "publish the results" with:
      | publications | channel=website; audience=public; published on=10 April 2567; address=https://www.lampangpao.go.th/ita/satisfaction |
      | publications | channel=staff meeting; audience=staff; published on=10 April 2567 |
    Then the case is in state "results published"

    When "pornthip" starts a "satisfaction_survey" case "H2" with:
      | end of the half surveyed | 30 September 2567 |
    And "pornthip" fires "list services" on "H2" with:
      | service areas | area=infrastructure; services=roads and bridges; serving unit=Public Works Division |
      | service areas | area=quality of life; services=health promotion and elderly welfare; serving unit=Public Health Division |
      | service areas | area=community and social order; services=disaster prevention and relief; serving unit=Office of the Permanent Secretary |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion; serving unit=Strategy and Budget Division |
      | service areas | area=natural resources and environment; services=waste and environment; serving unit=Public Health Division |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals; serving unit=Education Division |
    And "pornthip" fires "set up the survey system" on "H2" with:
      | survey method  | satisfaction button                                      |
      | service points | one-stop service centre, ground floor, and every division |
    Given today is 1 October 2567
    When "pornthip" fires "record results" on "H2" with:
      | results by area | area=infrastructure; respondents=25; satisfied respondents=21 |
      | results by area | area=quality of life; respondents=20; satisfied respondents=17 |
      | results by area | area=community and social order; respondents=20; satisfied respondents=16 |
      | results by area | area=planning, investment, commerce and tourism; respondents=15; satisfied respondents=11 |
      | results by area | area=natural resources and environment; respondents=20; satisfied respondents=16 |
      | results by area | area=education, religion, arts and culture; respondents=30; satisfied respondents=24 |
    Given today is 3 October 2567
    When "pornthip" fires "report to the executive" on "H2" with:
      | summary of the results  | 80.77% satisfied, lower than the first half |
      | report to the executive | Personnel Division memo LP 51003/901        |
    Given today is 4 October 2567
    When "chaiwat" fires "acknowledge" on "H2"
    Given today is 8 October 2567
    When "pornthip" fires "publish the results" on "H2" with:
      | publications | channel=social media; audience=public; published on=8 October 2567 |
      | publications | channel=notice board; audience=staff; published on=8 October 2567 |
    Then the report "citizens' satisfaction" for fiscal year 2567 shows:
      | survey rounds                  | 2     |
      | rounds with a survey system    | 2     |
      | reports to the executive       | 2     |
      | reported at least twice a year | yes   |
      | respondents                    | 260   |
      | target group reached           | yes   |
      | satisfied respondents          | 214   |
      | citizens' satisfaction (%)     | 82.31 |
      | satisfaction of at least 80%   | yes   |
    And the report "citizens' satisfaction" for fiscal year 2567 lists in "reports and publications by round":
      | end of the half surveyed | satisfaction of the round (%) | reported on    | acknowledged on | results published on |
      | 31 March 2567            | 83.85                         | 3 April 2567   | 5 April 2567    | 10 April 2567        |
      | 30 September 2567        | 80.77                         | 3 October 2567 | 4 October 2567  | 8 October 2567       |
    And the duty "satisfaction results reported" in fiscal year 2567 stands:
      | period      | status       | due on          |
      | half 1      | done on time | 30 April 2567   |
      | half 2      | done on time | 30 October 2567 |
    And the duty "satisfaction results published" in fiscal year 2567 stands:
      | period      | status       | due on           |
      | half 1      | done on time | 15 May 2567      |
      | half 2      | done on time | 14 November 2567 |
    And the audit trail verifies

  @plan-20-5.1 @plan-20-5.2 @plan-20-5.5
  Scenario: Services of five areas are not enough, and the results reach both staff and public on several channels (project 20, items 1, 2 and 5)
    With the services of five areas only, the survey system cannot be set up until the sixth is
    added. Publishing on the website alone, to the public, is not several channels, and the
    staff must be told too.

    When "pornthip" starts a "satisfaction_survey" case "H1" with:
      | end of the half surveyed | 31 March 2567 |
    And "pornthip" fires "list services" with:
      | service areas | area=infrastructure; services=roads and bridges; serving unit=Public Works Division |
      | service areas | area=quality of life; services=health promotion and elderly welfare; serving unit=Public Health Division |
      | service areas | area=community and social order; services=disaster prevention and relief; serving unit=Office of the Permanent Secretary |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion; serving unit=Strategy and Budget Division |
      | service areas | area=natural resources and environment; services=waste and environment; serving unit=Public Health Division |
    Then "pornthip" cannot fire "set up the survey system" because "six areas" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    And "pornthip" cannot start a "satisfaction_survey" case because "already has a survey round" with:
      | end of the half surveyed | 31 March 2567 |
    When "pornthip" fires "list services" with:
      | service areas | area=education, religion, arts and culture; services=schools and local festivals |
    And "pornthip" fires "set up the survey system" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    Given today is 1 April 2567
    When "pornthip" fires "record results" with:
      | results by area | area=infrastructure; respondents=20; satisfied respondents=17 |
      | results by area | area=quality of life; respondents=25; satisfied respondents=21 |
      | results by area | area=community and social order; respondents=20; satisfied respondents=16 |
      | results by area | area=planning, investment, commerce and tourism; respondents=15; satisfied respondents=12 |
      | results by area | area=natural resources and environment; respondents=20; satisfied respondents=17 |
      | results by area | area=education, religion, arts and culture; respondents=30; satisfied respondents=26 |
    And "pornthip" fires "report to the executive" with:
      | summary of the results  | 83.85% satisfied |
      | report to the executive | LP 51003/412     |
    And "chaiwat" fires "acknowledge"
    Then "pornthip" cannot fire "publish the results" because "staff" with:
      | publications | channel=website; audience=public; published on=1 April 2567 |
    And "pornthip" cannot fire "publish the results" because "at least two" with:
      | publications | channel=website; audience=public; published on=1 April 2567 |
    And the audit trail verifies

  @plan-20-5.3 @plan-20-5.4
  Scenario: Fiscal year 2567 reported to the executive once, short of the target group and below 80 per cent (project 20, items 3 and 4)
    The first half had 120 respondents, 90 satisfied (75%), and was not published; the second
    half was never reported. The duties calendar finds the second half's report overdue, and the
    year's report shows the indicators missed.

    When "pornthip" starts a "satisfaction_survey" case "H1" with:
      | end of the half surveyed | 31 March 2567 |
    And "pornthip" fires "list services" with:
      | service areas | area=infrastructure; services=roads and bridges; serving unit=Public Works Division |
      | service areas | area=quality of life; services=health promotion and elderly welfare; serving unit=Public Health Division |
      | service areas | area=community and social order; services=disaster prevention and relief; serving unit=Office of the Permanent Secretary |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion; serving unit=Strategy and Budget Division |
      | service areas | area=natural resources and environment; services=waste and environment; serving unit=Public Health Division |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals; serving unit=Education Division |
    And "pornthip" fires "set up the survey system" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    Then "pornthip" cannot fire "report to the executive" because "six areas" with:
      | summary of the results  | no results yet |
      | report to the executive | LP 51003/412   |
    Given today is 1 April 2567
    When "pornthip" fires "record results" with:
      | results by area | area=infrastructure; respondents=20; satisfied respondents=15 |
      | results by area | area=quality of life; respondents=20; satisfied respondents=15 |
      | results by area | area=community and social order; respondents=20; satisfied respondents=15 |
      | results by area | area=planning, investment, commerce and tourism; respondents=20; satisfied respondents=15 |
      | results by area | area=natural resources and environment; respondents=20; satisfied respondents=15 |
      | results by area | area=education, religion, arts and culture; respondents=20; satisfied respondents=15 |
    And "pornthip" fires "report to the executive" with:
      | summary of the results  | 75% satisfied |
      | report to the executive | LP 51003/412  |
    Given today is 31 October 2567
    Then the duty "satisfaction results reported" of period "half 2" of fiscal year 2567 is overdue
    And the duty "satisfaction results reported" of period "half 2" of fiscal year 2567 was recorded overdue
    And the duty "satisfaction results published" of period "half 1" of fiscal year 2567 is overdue
    Given today is 15 November 2567
    Then the duty "satisfaction results published" of period "half 1" of fiscal year 2567 is missing
    And the report "citizens' satisfaction" for fiscal year 2567 shows:
      | reports to the executive       | 1   |
      | reported at least twice a year | no  |
      | respondents                    | 120 |
      | target group reached           | no  |
      | citizens' satisfaction (%)     | 75  |
      | satisfaction of at least 80%   | no  |
    And the audit trail verifies
