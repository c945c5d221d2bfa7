Feature: The measure on citizens' satisfaction in salary steps (integrity plan, project 17)
  Measure: using citizen service-satisfaction results in step/salary promotion of personnel.
  Responsible: Personnel Promotion and Development Section, Personnel Division, Lampang PAO.
  Target group: the 204 officials of Lampang PAO.

  Step 5.1 (tag @plan-17-5.1): prepare the measure on using citizens' service satisfaction in
  salary steps of personnel.
  Step 5.2 (@plan-17-5.2): prepare the announcement and its guidelines, and publish them to the
  public.
  Step 5.5 (@plan-17-5.5): the screening committee screens the evaluations the supervisors have
  made, under the measure.
  Output: citizens served by Lampang PAO satisfied with the quality of its service, not less
  than 80 per cent.

  The measure is made once and stands: every salary-step round applies it, and none can before
  it is announced. The plan gives no weight; the measure states it (at most 30 per cent of the
  score, our reading of the general standard on performance evaluation). The citizens'
  satisfaction is the PAO's own survey (project 20), read from it, never typed in.

  The same scenarios as salary_step_measure.th.feature.

  Background:
    Given today is 3 April 2566
    And "sompong" holds the role "Chief Executive"
    And "kanda" holds the role "personnel officer" in the unit "Personnel Division"
    And "malee" holds the role "survey officer" in the unit "Personnel Division"
    And "chaiwat" holds the role "local executive"
    When "malee" starts a "satisfaction_survey" case "S" with:
      | end of the half surveyed | 30 September 2566 |
    And "malee" fires "list services" on "S" with:
      | service areas | area=infrastructure; services=roads and bridges |
      | service areas | area=quality of life; services=health promotion and elderly welfare |
      | service areas | area=community and social order; services=disaster prevention and relief |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion |
      | service areas | area=natural resources and environment; services=waste and environment |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals |
    And "malee" fires "set up the survey system" on "S" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    Given today is 2 October 2566
    When "malee" fires "record results" on "S" with:
      | results by area | area=infrastructure; respondents=50; satisfied respondents=43 |
      | results by area | area=quality of life; respondents=50; satisfied respondents=43 |
      | results by area | area=community and social order; respondents=50; satisfied respondents=43 |
      | results by area | area=planning, investment, commerce and tourism; respondents=50; satisfied respondents=43 |
      | results by area | area=natural resources and environment; respondents=50; satisfied respondents=43 |
      | results by area | area=education, religion, arts and culture; respondents=50; satisfied respondents=43 |
    And "malee" fires "report to the executive" on "S" with:
      | summary of the results  | 86.00% satisfied                    |
      | report to the executive | Personnel Division memo LP 51003/95 |

  @plan-17-5.1 @plan-17-5.2 @plan-17-5.5
  Scenario: The measure is made once and both rounds of fiscal year 2567 apply it (project 17, steps 5.1, 5.2 and 5.5)
    The Personnel Division drafts the measure, giving the citizens' satisfaction a weight of 10
    per cent of the evaluation score (step 5.1); the Chief Executive announces it with its
    guidelines and it is published on the website and the notice board (step 5.2). The April
    and October rounds of 2567 apply the same measure and read its weight and the survey's
    satisfaction (86.00 per cent) from their cases (step 5.5).

    When "kanda" starts a "salary_step_measure" case "M" with:
      | in force from fiscal year | 2567 |
    And "kanda" fires "draft the measure" on "M" with:
      | measure title                        | Measure on using citizens' service satisfaction in salary steps of personnel |
      | weight of citizens' satisfaction (%) | 10                                                                           |
    And "sompong" fires "announce the measure" on "M" with:
      | guidelines          | Guidelines on using citizens' satisfaction in performance evaluation |
      | announcement number | 12/2566                                                              |
    And "kanda" fires "publish to the public" on "M" with:
      | public channels | Lampang PAO website |
    And "kanda" fires "record a public channel" on "M" with:
      | public channels | notice board at the office |
    Then the case "M" is in state "measure published"
    And "kanda" cannot start a "salary_step_measure" case because "already exists" with:
      | in force from fiscal year | 2567 |
    Given today is 4 March 2567
    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    Then the case "R1" is in state "measure applied"
    And the case "R1" has the data:
      | weight of citizens' satisfaction (%) | 10        |
      | citizens' satisfaction (%)           | 86.00     |
      | budget envelope of the round (baht)  | 144000.00 |
      | measure applied on                   | 4 March 2567 |
    Given today is 2 September 2567
    When "kanda" starts a "salary_step_round" case "R2" with:
      | fiscal year       | 2567                     |
      | round of the year | second round (1 October) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R2" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,900,000 |
    Then the case "R2" has the data:
      | weight of citizens' satisfaction (%) | 10 |
    And the audit trail of "M" records:
      | actor   | trigger                 | from              | to                |
      | kanda   | start                   |                   | opened            |
      | kanda   | draft the measure       | opened            | measure drafted   |
      | sompong | announce the measure    | measure drafted   | measure announced |
      | kanda   | publish to the public   | measure announced | measure published |
      | kanda   | record a public channel | measure published | measure published |
    And the audit trail verifies

  @plan-17-5.1 @plan-17-5.2 @plan-17-5.5
  Scenario: No round applies the measure before it is announced, and nobody types the citizens' satisfaction in (project 17, steps 5.1, 5.2 and 5.5)
    A weight above 30 per cent is refused. While the measure is only drafted, a round cannot take
    the citizens' satisfaction into account; nor can it with a survey not yet reported to the
    executive; and the satisfaction figure cannot be given by hand.

    When "kanda" starts a "salary_step_measure" case "M" with:
      | in force from fiscal year | 2567 |
    Then "kanda" cannot fire "draft the measure" on "M" because "must not exceed 30%" with:
      | measure title                        | Measure on citizens' satisfaction |
      | weight of citizens' satisfaction (%) | 40                                |
    When "kanda" fires "draft the measure" on "M" with:
      | measure title                        | Measure on citizens' satisfaction |
      | weight of citizens' satisfaction (%) | 10                                |
    And "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    Then "kanda" cannot fire "apply the measure and the citizens' survey" on "R1" because "must be in 'measure announced' or 'measure published'" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "kanda" cannot fire "apply the measure and the citizens' survey" on "R1" because "is read from the case" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | citizens' satisfaction (%)               | 95        |
      | salaries of the round's officials (baht) | 4,800,000 |
    When "malee" starts a "satisfaction_survey" case "S2" with:
      | end of the half surveyed | 31 March 2567 |
    And "sompong" fires "announce the measure" on "M" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2566                                    |
    Then "kanda" cannot fire "apply the measure and the citizens' survey" on "R1" because "must be in 'reported to the executive'" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S2        |
      | salaries of the round's officials (baht) | 4,800,000 |
    When "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    Then the case "R1" is in state "measure applied"
    And the audit trail verifies

  @plan-17-5.5
  Scenario: Citizens' satisfaction of fiscal year 2567 below 80 per cent: the output is missed (project 17, step 5.5)
    The output of project 17 is the PAO's own survey of the year, the figure the rounds weigh:
    the first half of 2567, 258 of 300 satisfied, and the second, 210 of 300, pool to 468 of 600,
    78.00 per cent, below the target of 80.

    When "kanda" starts a "salary_step_measure" case "M" with:
      | in force from fiscal year | 2567 |
    And "kanda" fires "draft the measure" on "M" with:
      | measure title                        | Measure on citizens' satisfaction |
      | weight of citizens' satisfaction (%) | 10                                |
    And "sompong" fires "announce the measure" on "M" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2566                                    |
    And "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "malee" starts a "satisfaction_survey" case "H1" with:
      | end of the half surveyed | 31 March 2567 |
    And "malee" fires "list services" on "H1" with:
      | service areas | area=infrastructure; services=roads and bridges |
      | service areas | area=quality of life; services=health promotion and elderly welfare |
      | service areas | area=community and social order; services=disaster prevention and relief |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion |
      | service areas | area=natural resources and environment; services=waste and environment |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals |
    And "malee" fires "set up the survey system" on "H1" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    And "malee" fires "record results" on "H1" with:
      | results by area | area=infrastructure; respondents=50; satisfied respondents=43 |
      | results by area | area=quality of life; respondents=50; satisfied respondents=43 |
      | results by area | area=community and social order; respondents=50; satisfied respondents=43 |
      | results by area | area=planning, investment, commerce and tourism; respondents=50; satisfied respondents=43 |
      | results by area | area=natural resources and environment; respondents=50; satisfied respondents=43 |
      | results by area | area=education, religion, arts and culture; respondents=50; satisfied respondents=43 |
    Given today is 1 April 2567
    When "malee" fires "report to the executive" on "H1" with:
      | summary of the results  | 86.00% satisfied                     |
      | report to the executive | Personnel Division memo LP 51003/410 |
    And "malee" starts a "satisfaction_survey" case "H2" with:
      | end of the half surveyed | 30 September 2567 |
    And "malee" fires "list services" on "H2" with:
      | service areas | area=infrastructure; services=roads and bridges |
      | service areas | area=quality of life; services=health promotion and elderly welfare |
      | service areas | area=community and social order; services=disaster prevention and relief |
      | service areas | area=planning, investment, commerce and tourism; services=tourism promotion |
      | service areas | area=natural resources and environment; services=waste and environment |
      | service areas | area=education, religion, arts and culture; services=schools and local festivals |
    And "malee" fires "set up the survey system" on "H2" with:
      | survey method  | QR code                 |
      | service points | one-stop service centre |
    Given today is 1 October 2567
    When "malee" fires "record results" on "H2" with:
      | results by area | area=infrastructure; respondents=50; satisfied respondents=35 |
      | results by area | area=quality of life; respondents=50; satisfied respondents=35 |
      | results by area | area=community and social order; respondents=50; satisfied respondents=35 |
      | results by area | area=planning, investment, commerce and tourism; respondents=50; satisfied respondents=35 |
      | results by area | area=natural resources and environment; respondents=50; satisfied respondents=35 |
      | results by area | area=education, religion, arts and culture; respondents=50; satisfied respondents=35 |
    And "malee" fires "report to the executive" on "H2" with:
      | summary of the results  | 70.00% satisfied                     |
      | report to the executive | Personnel Division memo LP 51003/980 |
    Then the report "salary-step rounds" for fiscal year 2567 shows:
      | figure                               | value |
      | citizens' satisfaction (%)           | 78.00 |
      | citizens' satisfaction at least 80%  | no    |
    And the audit trail verifies
