Feature: Salary-step rounds (integrity plan, projects 16 and 17)
  Activity: transparency in salary-step promotion (project 16), and Measure: using citizen
  service-satisfaction results in step/salary promotion of personnel (project 17).
  Responsible: Personnel Promotion and Development Section, Personnel Division, Lampang PAO.
  Target group: the 204 officials of Lampang PAO.

  Project 17 step 5.1 (tag @plan-17-5.1): prepare the measure on using citizens' service
  satisfaction in salary steps.
  Step 5.2 (@plan-17-5.2): prepare the announcement and its guidelines, and publish them to the public.
  (Steps 5.1 and 5.2 make the standing measure once: their scenarios are in
  salary_step_measure.en.feature; here the Background makes it.)
  Project 16 step 5.1 (@plan-16-5.1) and project 17 step 5.3 (@plan-17-5.3): appoint the
  performance-evaluation screening committee, the Permanent Secretary as chair, heads of units as
  members and the official responsible for personnel work as secretary.
  Project 16 step 5.2 (@plan-16-5.2) and 17 step 5.4 (@plan-17-5.4): appoint the salary-step
  committee: a chair, heads of units and school administrators as members, the official
  responsible for personnel work as secretary.
  Project 16 step 5.3 (@plan-16-5.3) and 17 step 5.5 (@plan-17-5.5): the screening committee meets
  to screen the evaluations the supervisors have made.
  Project 16 step 5.4 (@plan-16-5.4) and 17 step 5.6 (@plan-17-5.6): the screening committee
  compiles and proposes its results to the salary-step committee.
  Project 16 step 5.5 (@plan-16-5.5) and 17 step 5.7 (@plan-17-5.7): the salary-step committee
  reviews the evaluation results the screening committee proposed.
  Output of project 16: staff satisfied with the salary-step system, not less than 80% (survey).

  The plan names neither the salary-step committee's chair nor a quorum, recusal, the
  announcement of the results or a dispute route. The salary_step_round and
  salary_step_evaluation flows make the Chief Executive the chair, require at least half of the
  voting members present and not recused, recuse a member from their own matter and from a
  person they declared a conflict with: our reading, not the plan's words. They follow the
  rules in force as read in docs/salary-step.md: every round applies project 17's standing
  measure (made in the Background, see salary_step_measure.en.feature) and the PAO's latest
  citizens' survey (86.00 per cent, weighed at 10 per cent: final score = the score of the
  employee's performance agreement x 0.9 + 8.60); the level is the final score's band (90, 80, 70, 60); an increase is a
  percentage of the calculation base (at most 6 per cent), within the round's envelope of 3 per
  cent of its salaries; a dispute is a grievance to ก.จ.จ. within 30 days, recorded by its
  secretary, not an appeal decided by the Chief Executive.
  The score of each evaluation is the one the supervisor gave on the employee's performance
  agreement of the half-year (project 26), scored against its targets: the levels of its
  indicators (1 to 5) times their weights, over 5. The Background makes project 26's
  agreements of the first half of 2567 (October 2566 to March 2567) and scores them on 4
  March 2567: Somchai 92.00, Somjai 88.00, Manop 76.00, and Somsak's with the Palad 88.00;
  nobody types the score again.

  Background:
    Given today is 3 April 2566
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
    And "sompong" holds the role "Chief Executive"
    And "wichai" holds the roles "Permanent Secretary", "supervisor" and "party" in the unit "Office of the PAO Permanent Secretary"
    And "somsak" holds the roles "head of unit", "supervisor" and "party" in the unit "Public Works Division"
    And "somying" holds the roles "head of unit", "supervisor" and "party" in the unit "Finance Division"
    And "amnat" holds the role "head of unit" in the unit "Strategy and Budget Division"
    And "pranee" holds the role "school administrator" in the unit "PAO school"
    And "kanda" holds the role "personnel officer" in the unit "Personnel Division"
    And "somchai" holds the roles "official" and "party" in the unit "Public Works Division"
    And "somjai" holds the roles "official" and "party" in the unit "Finance Division"
    And "manop" holds the roles "official" and "party" in the unit "Finance Division"
    And "surachai" holds the role "secretary of ก.จ.จ." in the unit "Lampang Provincial Office for Local Administration"
    And "napa" holds the role "coordinator" in the unit "Strategy and Budget Division"
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
    When "napa" starts a "performance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "napa" fires "record the indicators" on "Y2567" with:
      | indicators | indicator=citizens satisfied with the services (%); dimension=administration for the people's well-being; target=80; overseer=Strategy and Budget Division |
      | indicators | indicator=plan projects completed (%); dimension=administration for results; target=85; overseer=Strategy and Budget Division |
      | indicators | indicator=budget disbursed (%); dimension=efficient and worthwhile administration; target=90; overseer=Finance Division |
      | indicators | indicator=services with fewer steps; dimension=fewer working steps; target=3; overseer=Office of the PAO Permanent Secretary |
      | indicators | indicator=grievances resolved (%); dimension=serving and responding to the people; target=90; overseer=Office of the PAO Permanent Secretary |
      | indicators | indicator=staff trained (%); dimension=knowledge development and evaluation; target=80; overseer=Personnel Division |
    And "napa" starts a "performance_agreement" case "A1" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Public Works Division |
      | superior    | somsak |
      | subordinate | somchai |
      | agreed indicators | indicator=roads repaired (routes); target=12; weight (%)=60 |
      | agreed indicators | indicator=plan projects completed (%); target=85; weight (%)=40 |
    And "somchai" fires "sign as the subordinate" on "A1"
    And "somsak" fires "sign as the superior" on "A1"
    And "napa" starts a "performance_agreement" case "A2" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | somying |
      | subordinate | somjai |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=payment papers checked within 3 days (%); target=95; weight (%)=40 |
    And "somjai" fires "sign as the subordinate" on "A2"
    And "somying" fires "sign as the superior" on "A2"
    And "napa" starts a "performance_agreement" case "A3" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | head of unit and staff |
      | unit        | Finance Division |
      | superior    | somying |
      | subordinate | manop |
      | agreed indicators | indicator=budget disbursed (%); target=90; weight (%)=60 |
      | agreed indicators | indicator=payment papers checked within 3 days (%); target=95; weight (%)=40 |
    And "manop" fires "sign as the subordinate" on "A3"
    And "somying" fires "sign as the superior" on "A3"
    And "napa" starts a "performance_agreement" case "A5" with:
      | round       | round 1 (1 October - 31 March) |
      | level       | Palad and head of unit |
      | unit        | Public Works Division |
      | superior    | wichai |
      | subordinate | somsak |
      | agreed indicators | indicator=roads repaired (routes); target=12; weight (%)=60 |
      | agreed indicators | indicator=plan projects completed (%); target=85; weight (%)=40 |
    And "somsak" fires "sign as the subordinate" on "A5"
    And "wichai" fires "sign as the superior" on "A5"
    Given today is 4 March 2567
    When "somsak" fires "score the agreement" on "A1" with:
      | agreed indicators | indicator=roads repaired (routes); result=14; level of the scoring criteria (1-5)=5 |
      | agreed indicators | indicator=plan projects completed (%); result=88; level of the scoring criteria (1-5)=4 |
    And "somying" fires "score the agreement" on "A2" with:
      | agreed indicators | indicator=budget disbursed (%); result=91; level of the scoring criteria (1-5)=4 |
      | agreed indicators | indicator=payment papers checked within 3 days (%); result=98; level of the scoring criteria (1-5)=5 |
    And "somying" fires "score the agreement" on "A3" with:
      | agreed indicators | indicator=budget disbursed (%); result=90; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=payment papers checked within 3 days (%); result=96; level of the scoring criteria (1-5)=5 |
    And "wichai" fires "score the agreement" on "A5" with:
      | agreed indicators | indicator=roads repaired (routes); result=13; level of the scoring criteria (1-5)=4 |
      | agreed indicators | indicator=plan projects completed (%); result=92; level of the scoring criteria (1-5)=5 |
    Then the case "A1" has the data:
      | score of the agreement | 92.00 |
    And the case "A2" has the data:
      | score of the agreement | 88.00 |
    And the case "A3" has the data:
      | score of the agreement | 76.00 |
    And the case "A5" has the data:
      | score of the agreement | 88.00 |

  @plan-17-5.3 @plan-17-5.4 @plan-17-5.5 @plan-17-5.6 @plan-17-5.7
  @plan-16-5.1 @plan-16-5.2 @plan-16-5.3 @plan-16-5.4 @plan-16-5.5
  Scenario: The 1 April 2567 round from applying the measure to the close (project 17, steps 5.3 to 5.7; project 16, steps 5.1 to 5.5)
    The round applies the standing measure and the citizens' survey, its envelope 3 per cent of
    4,800,000 baht (project 17, step 5.5); both committees are appointed (steps 5.1, 5.2);
    supervisors submit three evaluations, each taking its score from the employee's scored
    agreement and weighed with the citizens' satisfaction; the
    screening committee resolves on each (step 5.3); its chair proposes the results (step 5.4);
    the salary-step committee resolves on each step and on the round (step 5.5); the results are
    announced, the grievance window closes when due, the staff survey is recorded and the round
    closes. The increases, 1,000 + 600 + 300 baht, stay within the envelope.
    The outcomes of projects 16 and 17 (complaints decrease) are read from the complaint topics
    screening confirmed: with no complaint this year nor the year before, no decrease shows.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    Then the case "R1" is in state "opened"
    And "kanda" cannot start a "salary_step_round" case because "already has a case" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    When "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    Then the case "R1" is in state "measure applied"
    When "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    Then the case "R1" is in state "salary-step committee appointed"
    When "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                        |
      | employee                         | somchai                                   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    And "somying" starts a "salary_step_evaluation" case "E2" with:
      | round                            | R1                          |
      | employee                         | somjai                      |
      | performance agreement of the half-year | A2 |
      | evaluation level | very good |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And "somying" starts a "salary_step_evaluation" case "E3" with:
      | round            | R1          |
      | employee         | manop       |
      | performance agreement of the half-year | A3 |
      | evaluation level | good |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 1.5 |
    Then the case "E3" is in state "submitted"
    When "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, amnat, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "amnat" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
      | vote     | yes                |
    And "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
    And "kanda" fires "record the screening" on "E2"
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | manop              |
      | vote     | yes                |
    And "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | manop              |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | manop              |
    And "kanda" fires "record the screening" on "E3"
    And "wichai" fires "close the meeting" on "R1" with:
      | minutes | minutes of the screening committee, meeting 1/2567 |
    And "wichai" fires "propose the screening results" on "R1" with:
      | screening results proposed | 3 evaluations screened, minutes of meeting 1/2567 |
    Then the case "R1" is in state "screening results proposed"
    When "sompong" fires "open the meeting" on "R1" with:
      | present | amnat, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "pranee" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
    And "kanda" fires "record the increase decided" on "E1"
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somjai                    |
      | vote     | yes                       |
    And "amnat" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somjai                    |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somjai                    |
    And "kanda" fires "record the increase decided" on "E2"
    And "amnat" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | manop                     |
      | vote     | yes                       |
    And "pranee" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | manop                     |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | manop                     |
    And "kanda" fires "record the increase decided" on "E3"
    Then the case "E3" is in state "increase decided"
    When "sompong" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "amnat" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "pranee" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion | approve the round's results |
    And "sompong" fires "close the meeting" on "R1" with:
      | minutes | minutes of the salary-step committee, meeting 1/2567 |
    And "kanda" fires "record the approval of the results" on "R1"
    Then the case "R1" is in state "results approved"
    When today is 1 April 2567
    And "sompong" fires "announce the results" on "R1" with:
      | salary-step order number | 300/2567 |
    Then the case "R1" is in state "results announced, grievances open"
    And the case "R1" has the data:
      | results announced on | 1 April 2567 |
    When 30 days pass
    Then the case "R1" is in state "grievances closed"
    When "kanda" fires "record the staff satisfaction survey" on "R1" with:
      | survey respondents        | 180 |
      | satisfied with the system | 153 |
    And "kanda" fires "close the round" on "R1"
    Then the case "R1" is in state "closed"
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | figure                       | value   |
      | rounds                       | 1       |
      | evaluations                  | 3       |
      | screened                     | 3       |
      | total of increases (baht)     | 1900.00   |
      | budget envelope (baht)        | 144000.00 |
      | increases within the envelope | yes       |
      | grievances                    | 0         |
      | salary-step complaints decreased | no    |
      | service and corruption complaints decreased | no |
      | committee resolutions        | 7       |
      | survey respondents           | 180     |
      | satisfied with the system    | 153     |
      | satisfaction rate (%)        | 85.00   |
      | 80% target met               | yes     |
    And the report "salary-step round report" of case "R1" shows:
      | figure                | value |
      | evaluations           | 3     |
      | screened              | 3     |
      | committee resolutions | 7     |
      | satisfaction rate (%) | 85.00 |
    And the audit trail of "R1" records:
      | actor   | trigger                            | from                            | to                              |
      | kanda   | start                              |                                 | opened                          |
      | kanda   | apply the measure and the citizens' survey                  | opened                          | measure applied                 |
      | sompong | appoint the screening committee    | measure applied               | screening committee appointed   |
      | sompong | appoint the salary-step committee  | screening committee appointed   | salary-step committee appointed |
      | wichai  | open the meeting                   | salary-step committee appointed | screening                       |
      | wichai  | propose the screening results      | screening                       | screening results proposed      |
      | sompong | open the meeting                   | screening results proposed      | under review                    |
      | kanda   | record the approval of the results | under review                    | results approved                |
      | sompong | announce the results               | results approved                | results announced, grievances open |
      | system  | close the grievance window            | results announced, grievances open | grievances closed                  |
      | kanda   | close the round                    | grievances closed                  | closed                          |
    And the audit trail of "E1" records:
      | actor  | trigger                 | from      | to           |
      | somsak | start                   |           | submitted    |
      | kanda  | record the screening    | submitted | screened     |
      | kanda  | record the increase decided | screened  | increase decided |
    And the audit trail verifies

  @plan-16-5.3 @plan-17-5.5
  Scenario: A member with a conflict of interest is recused and the resolution stands with a quorum (project 16, step 5.3; project 17, step 5.5)
    Somying is Somchai's elder sister. She declares the conflict at the meeting, so she cannot
    vote on Somchai's evaluation and does not count for its quorum. The committee has 4 voting
    members (the Permanent Secretary and 3 heads of units; the secretary does not vote), so the
    quorum is 2; 2 members present may take part, so the resolution stands. The audit trail shows
    who voted and whose vote was refused, in order.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                      |
      | employee                         | somchai                                 |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, kanda |
    And "somying" fires "declare a conflict of interest" on "R1" with:
      | employee | somchai                        |
      | relation | relative                       |
      | detail   | the employee's elder sister    |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    Then "somying" cannot fire "vote" on "R1" because "recused" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "kanda" cannot fire "vote" on "R1" because "the secretary does not vote" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    When "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    Then the case "E1" is in state "screened"
    And the audit trail of "R1" records:
      | actor   | trigger                        | from                            | to        | outcome |
      | wichai  | open the meeting               | salary-step committee appointed | screening | moved   |
      | somying | declare a conflict of interest | screening                       | screening | moved   |
      | wichai  | vote                           | screening                       | screening | moved   |
      | somying | vote                           | screening                       |           | refused |
      | kanda   | vote                           | screening                       |           | refused |
      | somsak  | vote                           | screening                       | screening | moved   |
      | wichai  | record the resolution          | screening                       | screening | moved   |
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | screened                       | 1                           |
      | recusals (screening committee) | somying: somchai (relative) |
    And the audit trail verifies

  @plan-16-5.3 @plan-17-5.5
  Scenario: Without a quorum there is no resolution (project 16, step 5.3; project 17, step 5.5)
    The quorum is the voting members present and not recused for the item, at least half of all
    voting members (2 of 4). The Permanent Secretary opens the meeting with only the secretary,
    so nothing can be resolved and the evaluation cannot pass the screening. Once Somsak attends,
    the committee resolves; but on Somsak's own evaluation he is recused and the quorum fails
    again, until Amnat attends.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And "wichai" starts a "salary_step_evaluation" case "E2" with:
      | round            | R1        |
      | employee         | somsak    |
      | performance agreement of the half-year | A5 |
      | evaluation level | very good |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    Then "wichai" cannot fire "record the resolution" on "R1" because "no quorum" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" cannot fire "record the screening" on "E1" because "no resolution"
    When "somsak" fires "attend" on "R1"
    And "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    Then the case "E1" is in state "screened"
    When "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somsak             |
      | vote     | yes                |
    Then "somsak" cannot fire "vote" on "R1" because "their own matter" with:
      | motion   | pass the screening |
      | employee | somsak             |
      | vote     | yes                |
    And "wichai" cannot fire "record the resolution" on "R1" because "no quorum" with:
      | motion   | pass the screening |
      | employee | somsak             |
    When "amnat" fires "attend" on "R1"
    And "amnat" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somsak             |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somsak             |
    And "kanda" fires "record the screening" on "E2"
    Then the case "E2" is in state "screened"
    And the audit trail of "R1" records:
      | actor  | trigger               | from      | to        | outcome |
      | wichai | vote                  | screening | screening | moved   |
      | wichai | record the resolution | screening |           | refused |
      | somsak | attend                | screening | screening | moved   |
      | somsak | vote                  | screening | screening | moved   |
      | wichai | record the resolution | screening | screening | moved   |
      | wichai | vote                  | screening | screening | moved   |
      | somsak | vote                  | screening |           | refused |
      | wichai | record the resolution | screening |           | refused |
      | amnat  | attend                | screening | screening | moved   |
      | amnat  | vote                  | screening | screening | moved   |
      | wichai | record the resolution | screening | screening | moved   |
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | committee resolutions          | 2                                             |
      | recusals (screening committee) | somsak: somsak (เรื่องของตนเอง / own matter) |
    And the audit trail verifies

  @plan-16-5.3 @plan-17-5.5
  Scenario: A supervisor cannot evaluate themself, and the level must be the final score's band (project 16, step 5.3; project 17, step 5.5)
    The evaluations the supervisors have made are of their subordinates, not of themselves. The
    citizens' satisfaction is weighed into every evaluation (project 17's measure): Somchai's
    agreement score of 92 gives 91.40, so the level is excellent and "very good" is refused. An employee has one
    evaluation per round, and evaluations are submitted only once both committees are appointed.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    Then "somsak" cannot start a "salary_step_evaluation" case because "the parent case must be in" with:
      | round            | R1        |
      | employee         | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    When "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    Then "somsak" cannot start a "salary_step_evaluation" case because "separation of duties" with:
      | round            | R1                   |
      | employee         | somsak               |
      | performance agreement of the half-year | A5 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    And "somchai" cannot start a "salary_step_evaluation" case because "supervisor" with:
      | round            | R1                   |
      | employee         | somchai              |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    And "somsak" cannot start a "salary_step_evaluation" case because "'evaluation level' does not agree with the evaluation score's band" with:
      | round              | R1        |
      | employee           | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | very good |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    When "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                      |
      | employee                         | somchai                                 |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    Then the case "E1" is in state "submitted"
    And the case "E1" has the data:
      | evaluating supervisor    | somsak |
    And "somsak" cannot start a "salary_step_evaluation" case because "already has an evaluation in this round" with:
      | round            | R1        |
      | employee         | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | very good |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And the audit trail verifies

  @plan-16-5.3 @plan-16-5.4 @plan-17-5.5 @plan-17-5.6
  Scenario: The screening committee sends an evaluation back to the supervisor with its reasons, and it is resubmitted (project 16, steps 5.3 and 5.4; project 17, steps 5.5 and 5.6)
    The screening committee comments on the standards and fairness of the evaluation. It resolves
    against it, and the evaluation goes back to the supervisor with the reasons; the evaluating
    supervisor revises and explains, and the committee must resolve again: the earlier resolution
    no longer counts. Meanwhile the chair cannot propose the results until every evaluation has
    passed the screening.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1                   |
      | employee         | somchai              |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 5 |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, amnat, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | no                 |
    And "somying" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | no                 |
    And "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    Then "kanda" cannot fire "record the screening" on "E1" because "rejected"
    And "wichai" cannot fire "propose the screening results" on "R1" because "not yet in" with:
      | screening results proposed | 1 evaluation screened |
    And "kanda" cannot fire "send back to the supervisor" on "E1" because "screening committee's remarks"
    When "kanda" fires "send back to the supervisor" on "E1" with:
      | screening committee's remarks | the work recorded does not support one and a half steps; review it against the standard |
    Then the case "E1" is in state "returned to the supervisor"
    And "somying" cannot fire "resubmit the evaluation" on "E1" because "evaluating supervisor" with:
      | revision note | step revised |
    When 1 day passes
    And "somsak" fires "resubmit the evaluation" on "E1" with:
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
      | revision note | proposed step brought in line with the work recorded |
    Then the case "E1" is in state "submitted"
    And "kanda" cannot fire "record the screening" on "E1" because "no resolution"
    When "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "somying" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "propose the screening results" on "R1" with:
      | screening results proposed | 1 evaluation screened (sent back once) |
    Then the case "R1" is in state "screening results proposed"
    And the case "E1" has the data:
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And the audit trail of "E1" records:
      | actor  | trigger                     | from                       | to                         |
      | somsak | start                       |                            | submitted                  |
      | kanda  | send back to the supervisor | submitted                  | returned to the supervisor |
      | somsak | resubmit the evaluation     | returned to the supervisor | submitted                  |
      | kanda  | record the screening        | submitted                  | screened                   |
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | times sent back      | 1       |
      | screened             | 1       |
      | increase not decided yet | somchai |
    And the audit trail verifies

  @plan-16-5.5 @plan-17-5.7
  Scenario: A grievance within the window, upheld by ก.จ.จ., not by the Chief Executive (project 16, step 5.5; project 17, step 5.7)
    The plan states no dispute route. A dispute over the salary-increase order is a grievance to
    ก.จ.จ. within 30 days (setting grievance_days): results announced on 1 April 2567 may be
    grieved until 30 April 2567. The official lodges it in person; the Chief Executive, who chaired
    the committee and signed the order, cannot record its decision; ก.จ.จ.'s secretary records
    the resolution, an increase of 5 instead of 3 per cent; the round cannot close while a
    grievance is undecided.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "somying" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "propose the screening results" on "R1" with:
      | screening results proposed | 1 evaluation screened |
    And "sompong" fires "open the meeting" on "R1" with:
      | present | amnat, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "amnat" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
    And "kanda" fires "record the increase decided" on "E1"
    And "sompong" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "pranee" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion | approve the round's results |
    And "kanda" fires "record the approval of the results" on "R1"
    Then "somchai" cannot fire "lodge a grievance with ก.จ.จ." on "E1" because "grievance window" with:
      | grounds of the grievance | results not announced yet |
    When today is 1 April 2567
    And "sompong" fires "announce the results" on "R1" with:
      | salary-step order number | 300/2567 |
    And 29 days pass
    Then the case "R1" is in state "results announced, grievances open"
    And "somjai" cannot fire "lodge a grievance with ก.จ.จ." on "E1" because "lodges the grievance in person" with:
      | grounds of the grievance | on behalf of somchai |
    When "somchai" fires "lodge a grievance with ก.จ.จ." on "E1" with:
      | grounds of the grievance | the road project finished ahead of schedule was not taken into account |
    Then the case "E1" is in state "grievance lodged"
    And the case "E1" has the data:
      | grievance lodged on | 30 April 2567 |
    When 1 day passes
    Then the case "R1" is in state "grievances closed"
    When "kanda" fires "record the staff satisfaction survey" on "R1" with:
      | survey respondents        | 180 |
      | satisfied with the system | 135 |
    Then "kanda" cannot fire "close the round" on "R1" because "grievance has not been decided"
    And "sompong" cannot fire "record ก.จ.จ.'s resolution upholding the grievance" on "E1" because "secretary of ก.จ.จ." with:
      | ก.จ.จ. resolution (meeting and date) | meeting 5/2567 of 8 May 2567                            |
      | increase (% of the base)             | 5                                                       |
      | grievance decision                   | the road project counts: an increase of 5% of the base |
    When 7 days pass
    And "surachai" fires "record ก.จ.จ.'s resolution upholding the grievance" on "E1" with:
      | ก.จ.จ. resolution (meeting and date) | meeting 5/2567 of 8 May 2567                            |
      | increase (% of the base)             | 5                                                       |
      | grievance decision                   | the road project counts: an increase of 5% of the base |
    And "kanda" fires "close the round" on "R1"
    Then the case "E1" is in state "grievance upheld"
    And the case "R1" is in state "closed"
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | total of increases (baht)    | 1000.00 |
      | grievances                   | 1       |
      | grievances upheld            | 1       |
      | satisfaction rate (%)        | 75.00   |
      | 80% target met               | no      |
    And the audit trail of "E1" records:
      | actor   | trigger           | from         | to            | outcome |
      | somchai | lodge a grievance with ก.จ.จ.           | increase decided |               | refused |
      | somjai  | lodge a grievance with ก.จ.จ.           | increase decided |               | refused |
      | somchai | lodge a grievance with ก.จ.จ.           | increase decided | grievance lodged      | moved   |
      | sompong  | record ก.จ.จ.'s resolution upholding the grievance | grievance lodged |                  | refused |
      | surachai | record ก.จ.จ.'s resolution upholding the grievance | grievance lodged | grievance upheld | moved   |
    And the audit trail verifies

  @plan-16-5.5 @plan-17-5.7
  Scenario: A grievance after the window is refused (project 16, step 5.5; project 17, step 5.7)
    Results announced on 1 April 2567: the system closes the grievance window as 1 May 2567
    begins, and a grievance after that is refused, the refusal recorded in the audit trail.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000 |
      | increase (% of the base) | 3 |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "somying" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "propose the screening results" on "R1" with:
      | screening results proposed | 1 evaluation screened |
    And "sompong" fires "open the meeting" on "R1" with:
      | present | amnat, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "amnat" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                   |
    And "kanda" fires "record the increase decided" on "E1"
    And "sompong" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "pranee" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion | approve the round's results |
    And "kanda" fires "record the approval of the results" on "R1"
    And today is 1 April 2567
    And "sompong" fires "announce the results" on "R1" with:
      | salary-step order number | 300/2567 |
    And 30 days pass
    Then the case "R1" is in state "grievances closed"
    And "somchai" cannot fire "lodge a grievance with ก.จ.จ." on "E1" because "the 30 days have passed" with:
      | grounds of the grievance | the road project was not taken into account |
    And the case "E1" is in state "increase decided"
    And the audit trail of "R1" records:
      | actor   | trigger                 | from                            | to                              |
      | sompong | announce the results    | results approved                | results announced, grievances open |
      | system  | close the grievance window | results announced, grievances open | grievances closed                  |
    And the audit trail of "E1" records:
      | actor   | trigger | from         | to | outcome |
      | somchai | lodge a grievance with ก.จ.จ. | increase decided |    | refused |
    When "kanda" fires "record the staff satisfaction survey" on "R1" with:
      | survey respondents        | 200 |
      | satisfied with the system | 160 |
    And "kanda" fires "close the round" on "R1"
    Then the case "R1" is in state "closed"
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | total of increases (baht) | 600.00 |
      | grievances                | 0      |
      | satisfaction rate (%) | 80.00   |
      | 80% target met        | yes     |
    And the audit trail verifies

  @plan-16-5.2 @plan-17-5.4
  Scenario: A member of the salary-step committee must be a head of unit or a school administrator (project 16, step 5.2; project 17, step 5.4)
    The plan makes heads of units and school administrators the members. An order naming the
    Permanent Secretary among them is refused, naming him; the order of two heads of units and a
    school administrator is made, the head of unit and the school administrator vote, and the
    increase is decided.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    Then "sompong" cannot fire "appoint the salary-step committee" on "R1" because "does not hold the post head of unit or school administrator" with:
      | order     | 151/2567              |
      | chair     | sompong               |
      | members   | wichai, amnat, pranee |
      | secretary | kanda                 |
    When "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567              |
      | chair     | sompong               |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                 |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                    | R1        |
      | employee                 | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000    |
      | increase (% of the base) | 5         |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, amnat, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "amnat" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "propose the screening results" on "R1" with:
      | screening results proposed | 1 evaluation screened |
    And "sompong" fires "open the meeting" on "R1" with:
      | present | amnat, pranee, kanda |
    And "amnat" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                       |
      | vote     | yes                           |
    And "pranee" fires "vote" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                       |
      | vote     | yes                           |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed increase |
      | employee | somchai                       |
    And "kanda" fires "record the increase decided" on "E1"
    Then the case "E1" is in state "increase decided"
    And the audit trail verifies

  @plan-16-5.4 @plan-17-5.6
  Scenario: The increases of a round cannot exceed its budget envelope (project 16, step 5.4; project 17, step 5.6)
    The auditor's first check. The salaries of the round's officials are 60,000 baht, so the
    envelope is 3 per cent, 1,800 baht. Two evaluations propose 5 per cent of a base of 20,000
    baht each, 2,000 baht in all: the chair cannot propose the screening results, and the refusal
    names the envelope.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R1" with:
      | measure applied                          | M      |
      | citizens' survey applied                 | S      |
      | salaries of the round's officials (baht) | 60,000 |
    Then the case "R1" has the data:
      | budget envelope of the round (baht) | 1800.00 |
    When "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567              |
      | chair     | sompong               |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                 |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                    | R1        |
      | employee                 | somchai   |
      | performance agreement of the half-year | A1 |
      | evaluation level | excellent |
      | calculation base (baht)  | 20,000    |
      | increase (% of the base) | 5         |
    And "somying" starts a "salary_step_evaluation" case "E2" with:
      | round                    | R1        |
      | employee                 | somjai    |
      | performance agreement of the half-year | A2 |
      | evaluation level | very good |
      | calculation base (baht)  | 20,000    |
      | increase (% of the base) | 5         |
    And "wichai" fires "open the meeting" on "R1" with:
      | present | somsak, somying, amnat, kanda |
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "amnat" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somchai            |
    And "kanda" fires "record the screening" on "E1"
    And "wichai" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
      | vote     | yes                |
    And "somsak" fires "vote" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
      | vote     | yes                |
    And "wichai" fires "record the resolution" on "R1" with:
      | motion   | pass the screening |
      | employee | somjai             |
    And "kanda" fires "record the screening" on "E2"
    Then "wichai" cannot fire "propose the screening results" on "R1" because "exceeds the budget envelope of the round (baht)" with:
      | screening results proposed | 2 evaluations screened |
    And the case "R1" is in state "screening"
    And the audit trail verifies

  @plan-16-5.3 @plan-17-5.5 @plan-26-5.5 @plan-26-5.6
  Scenario: The evaluation takes its score from the employee's scored agreement of the half-year (project 16, step 5.3; project 17, step 5.5; project 26, items 5 and 6)
    Project 26's individual agreements are the first part of each round's evaluation and give
    its score. The October round evaluates April to September. Somchai's agreement of that half
    is signed in April; in September an evaluation naming it before Somsak has scored it is
    refused, as are one naming his agreement of the first half, one naming Somjai's, one with
    no agreement and one typing a score of its own. Somsak scores the agreement: roads repaired
    10 against a target of 12 misses, so a remedy is agreed with the scoring; (3 x 60 + 5 x
    40) / 5 = 76.00, and the evaluation reads it: 76.00 x 0.9 + 8.60 = 77.00, good.

    Given today is 1 April 2567
    When "napa" starts a "performance_agreement" case "A4" with:
      | round             | round 2 (1 April - 30 September) |
      | level             | head of unit and staff |
      | unit              | Public Works Division |
      | superior          | somsak |
      | subordinate       | somchai |
      | agreed indicators | indicator=roads repaired (routes); target=12; weight (%)=60 |
      | agreed indicators | indicator=plan projects completed (%); target=85; weight (%)=40 |
    And "somchai" fires "sign as the subordinate" on "A4"
    And "somsak" fires "sign as the superior" on "A4"
    Given today is 2 September 2567
    When "kanda" starts a "salary_step_round" case "R2" with:
      | fiscal year       | 2567                     |
      | round of the year | second round (1 October) |
    And "kanda" fires "apply the measure and the citizens' survey" on "R2" with:
      | measure applied                          | M         |
      | citizens' survey applied                 | S         |
      | salaries of the round's officials (baht) | 4,800,000 |
    And "sompong" fires "appoint the screening committee" on "R2" with:
      | order     | 250/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R2" with:
      | order     | 251/2567              |
      | chair     | sompong               |
      | members   | amnat, somsak, pranee |
      | secretary | kanda                 |
    Then "somsak" cannot start a "salary_step_evaluation" case because "must be in 'scored'" with:
      | round                                  | R2        |
      | employee                               | somchai   |
      | evaluation level                       | good      |
      | calculation base (baht)                | 20,000    |
      | increase (% of the base)               | 3         |
      | performance agreement of the half-year | A4        |
    And "somsak" cannot start a "salary_step_evaluation" case because "must be of the half-year the round evaluates" with:
      | round                                  | R2        |
      | employee                               | somchai   |
      | evaluation level                       | excellent |
      | calculation base (baht)                | 20,000    |
      | increase (% of the base)               | 3         |
      | performance agreement of the half-year | A1        |
    And "somsak" cannot start a "salary_step_evaluation" case because "must be the employee's own agreement" with:
      | round                                  | R2        |
      | employee                               | somchai   |
      | evaluation level                       | very good |
      | calculation base (baht)                | 20,000    |
      | increase (% of the base)               | 3         |
      | performance agreement of the half-year | A2        |
    And "somsak" cannot start a "salary_step_evaluation" case because "'performance agreement of the half-year' is required" with:
      | round                    | R2        |
      | employee                 | somchai   |
      | evaluation level         | good      |
      | calculation base (baht)  | 20,000    |
      | increase (% of the base) | 3         |
    And "somchai" cannot fire "score the agreement" on "A4" because "only the superior named in the agreement" with:
      | agreed indicators | indicator=roads repaired (routes); result=10; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=plan projects completed (%); result=90; level of the scoring criteria (1-5)=5 |
    And "somsak" cannot fire "score the agreement" on "A4" because "needs a remedy" with:
      | agreed indicators | indicator=roads repaired (routes); result=10; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=plan projects completed (%); result=90; level of the scoring criteria (1-5)=5 |
    When "somsak" fires "score the agreement" on "A4" with:
      | agreed indicators | indicator=roads repaired (routes); result=10; level of the scoring criteria (1-5)=3 |
      | agreed indicators | indicator=plan projects completed (%); result=90; level of the scoring criteria (1-5)=5 |
      | remedies          | indicator missed=roads repaired (routes); remedy=let the two remaining road contracts by October and report monthly |
    Then the case "A4" has the data:
      | score of the agreement | 76.00 |
      | indicators missed      | 1     |
    And "somsak" cannot start a "salary_step_evaluation" case because "is read from the case" with:
      | round                                  | R2        |
      | employee                               | somchai   |
      | score of the agreement                 | 85        |
      | evaluation level                       | good      |
      | calculation base (baht)                | 20,000    |
      | increase (% of the base)               | 3         |
      | performance agreement of the half-year | A4        |
    When "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                                  | R2        |
      | employee                               | somchai   |
      | evaluation level                       | good      |
      | calculation base (baht)                | 20,000    |
      | increase (% of the base)               | 3         |
      | performance agreement of the half-year | A4        |
    Then the case "E1" has the data:
      | score of the agreement       | 76.00                            |
      | evaluation score             | 77.00                            |
      | subordinate of the agreement | somchai                          |
      | half-year of the agreement   | round 2 (1 April - 30 September) |
      | half-year evaluated          | round 2 (1 April - 30 September) |
    And the audit trail of "A4" records:
      | actor   | trigger                 | from                      | to                        | outcome |
      | napa    | draft the agreement     |                           | drafted                   | moved   |
      | somchai | sign as the subordinate | drafted                   | signed by the subordinate | moved   |
      | somsak  | sign as the superior    | signed by the subordinate | signed by both            | moved   |
      | somchai | score the agreement     | signed by both            |                           | refused |
      | somsak  | score the agreement     | signed by both            |                           | refused |
      | somsak  | score the agreement     | signed by both            | scored                    | moved   |
    And the audit trail verifies
