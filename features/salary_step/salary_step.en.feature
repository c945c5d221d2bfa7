Feature: Salary-step rounds (integrity plan, projects 16 and 17)
  Activity: transparency in salary-step promotion (project 16), and Measure: using citizen
  service-satisfaction results in step/salary promotion of personnel (project 17).
  Responsible: Personnel Promotion and Development Section, Personnel Division, Lampang PAO.
  Target group: the 204 officials of Lampang PAO.

  Project 17 step 5.1 (tag @plan-17-5.1): prepare the measure on using citizens' service
  satisfaction in salary steps.
  Step 5.2 (@plan-17-5.2): prepare the announcement and its guidelines, and publish them to the public.
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
  announcement of the results or an appeal. The salary_step_round and salary_step_evaluation
  flows make the Chief Executive the chair, require at least half of the voting members present
  and not recused, recuse a member from their own matter and from a person they declared a
  conflict with, and take appeals for 30 days from the announcement: our reading, not the
  plan's words.

  Background:
    Given today is 4 March 2567
    And "sompong" holds the role "Chief Executive"
    And "wichai" holds the roles "Permanent Secretary" and "supervisor" in the unit "Office of the PAO Permanent Secretary"
    And "somsak" holds the roles "head of unit" and "supervisor" in the unit "Public Works Division"
    And "somying" holds the roles "head of unit" and "supervisor" in the unit "Finance Division"
    And "amnat" holds the role "head of unit" in the unit "Strategy and Budget Division"
    And "pranee" holds the role "school administrator" in the unit "PAO school"
    And "kanda" holds the role "personnel officer" in the unit "Personnel Division"
    And "somchai" holds the role "official" in the unit "Public Works Division"
    And "somjai" holds the role "official" in the unit "Finance Division"
    And "manop" holds the role "official" in the unit "Finance Division"

  @plan-17-5.1 @plan-17-5.2 @plan-17-5.3 @plan-17-5.4 @plan-17-5.5 @plan-17-5.6 @plan-17-5.7
  @plan-16-5.1 @plan-16-5.2 @plan-16-5.3 @plan-16-5.4 @plan-16-5.5
  Scenario: The 1 April 2567 round from the measure to the close (project 17, steps 5.1 to 5.7; project 16, steps 5.1 to 5.5)
    The measure is drafted, announced with its guidelines and published (project 17, steps 5.1
    and 5.2); both committees are appointed (steps 5.1, 5.2); supervisors submit three
    evaluations, with the citizens' satisfaction result for those who serve the public; the
    screening committee resolves on each (step 5.3); its chair proposes the results (step 5.4);
    the salary-step committee resolves on each step and on the round (step 5.5); the results are
    announced, the appeal window closes when due, the staff survey is recorded and the round closes.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    Then the case "R1" is in state "opened"
    And "kanda" cannot start a "salary_step_round" case because "already has a case" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    When "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction in performance evaluation |
      | announcement number | 12/2567                                                              |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "kanda" fires "record a public channel" on "R1" with:
      | public channels | notice board at the office |
    Then the case "R1" is in state "measure published"
    When "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    Then the case "R1" is in state "salary-step committee appointed"
    When "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                        |
      | employee                         | somchai                                   |
      | evaluation score                 | 92                                        |
      | evaluation level                 | excellent                                 |
      | proposed step                    | one and a half steps                      |
      | serves the public                | yes                                       |
      | citizen satisfaction (%)         | 88.50                                     |
      | citizen satisfaction survey used | building permit applicants' survey 2567   |
    And "somying" starts a "salary_step_evaluation" case "E2" with:
      | round                            | R1                          |
      | employee                         | somjai                      |
      | evaluation score                 | 85                          |
      | evaluation level                 | very good                   |
      | proposed step                    | one step                    |
      | serves the public                | yes                         |
      | citizen satisfaction (%)         | 79.20                       |
      | citizen satisfaction survey used | taxpayers' survey 2567      |
    And "somying" starts a "salary_step_evaluation" case "E3" with:
      | round            | R1          |
      | employee         | manop       |
      | evaluation score | 74          |
      | evaluation level | good        |
      | proposed step    | half a step |
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
      | present | wichai, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "pranee" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
    And "kanda" fires "record the step decided" on "E1"
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somjai                    |
      | vote     | yes                       |
    And "wichai" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somjai                    |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somjai                    |
    And "kanda" fires "record the step decided" on "E2"
    And "wichai" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | manop                     |
      | vote     | yes                       |
    And "pranee" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | manop                     |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed step |
      | employee | manop                     |
    And "kanda" fires "record the step decided" on "E3"
    Then the case "E3" is in state "step decided"
    When "sompong" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "wichai" fires "vote" on "R1" with:
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
    Then the case "R1" is in state "results announced, appeals open"
    And the case "R1" has the data:
      | results announced on | 1 April 2567 |
    When 30 days pass
    Then the case "R1" is in state "appeals closed"
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
      | granted one and a half steps | somchai |
      | granted one step             | somjai  |
      | granted half a step          | manop   |
      | no step                      | -       |
      | appeals                      | 0       |
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
      | kanda   | draft the measure                  | opened                          | measure drafted                 |
      | sompong | announce the measure               | measure drafted                 | measure announced               |
      | kanda   | publish to the public              | measure announced               | measure published               |
      | sompong | appoint the screening committee    | measure published               | screening committee appointed   |
      | sompong | appoint the salary-step committee  | screening committee appointed   | salary-step committee appointed |
      | wichai  | open the meeting                   | salary-step committee appointed | screening                       |
      | wichai  | propose the screening results      | screening                       | screening results proposed      |
      | sompong | open the meeting                   | screening results proposed      | under review                    |
      | kanda   | record the approval of the results | under review                    | results approved                |
      | sompong | announce the results               | results approved                | results announced, appeals open |
      | system  | close the appeal window            | results announced, appeals open | appeals closed                  |
      | kanda   | close the round                    | appeals closed                  | closed                          |
    And the audit trail of "E1" records:
      | actor  | trigger                 | from      | to           |
      | somsak | start                   |           | submitted    |
      | kanda  | record the screening    | submitted | screened     |
      | kanda  | record the step decided | screened  | step decided |
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
    And "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                      |
      | employee                         | somchai                                 |
      | evaluation score                 | 92                                      |
      | evaluation level                 | excellent                               |
      | proposed step                    | one and a half steps                    |
      | serves the public                | yes                                     |
      | citizen satisfaction (%)         | 88.50                                   |
      | citizen satisfaction survey used | building permit applicants' survey 2567 |
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
    And "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | evaluation score | 85        |
      | evaluation level | very good |
      | proposed step    | one step  |
    And "wichai" starts a "salary_step_evaluation" case "E2" with:
      | round            | R1        |
      | employee         | somsak    |
      | evaluation score | 85        |
      | evaluation level | very good |
      | proposed step    | one step  |
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
  Scenario: A supervisor cannot evaluate themself, and who serves the public needs the citizens' satisfaction result (project 16, step 5.3; project 17, step 5.5)
    The evaluations the supervisors have made are of their subordinates, not of themselves. For
    staff who serve the public, the citizens' satisfaction result is attached to the evaluation
    (project 17's measure). An employee has one evaluation per round, and evaluations are
    submitted only once both committees are appointed.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    Then "somsak" cannot start a "salary_step_evaluation" case because "the parent case must be in" with:
      | round            | R1        |
      | employee         | somchai   |
      | evaluation score | 85        |
      | evaluation level | very good |
      | proposed step    | one step  |
    When "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    Then "somsak" cannot start a "salary_step_evaluation" case because "separation of duties" with:
      | round            | R1                   |
      | employee         | somsak               |
      | evaluation score | 98                   |
      | evaluation level | excellent            |
      | proposed step    | one and a half steps |
    And "somchai" cannot start a "salary_step_evaluation" case because "supervisor" with:
      | round            | R1                   |
      | employee         | somchai              |
      | evaluation score | 98                   |
      | evaluation level | excellent            |
      | proposed step    | one and a half steps |
    And "somsak" cannot start a "salary_step_evaluation" case because "citizens' satisfaction" with:
      | round             | R1                   |
      | employee          | somchai              |
      | evaluation score  | 92                   |
      | evaluation level  | excellent            |
      | proposed step     | one and a half steps |
      | serves the public | yes                  |
    When "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round                            | R1                                      |
      | employee                         | somchai                                 |
      | evaluation score                 | 92                                      |
      | evaluation level                 | excellent                               |
      | proposed step                    | one and a half steps                    |
      | serves the public                | yes                                     |
      | citizen satisfaction (%)         | 88.50                                   |
      | citizen satisfaction survey used | building permit applicants' survey 2567 |
    Then the case "E1" is in state "submitted"
    And the case "E1" has the data:
      | evaluating supervisor    | somsak |
      | citizen satisfaction (%) | 88.50  |
    And "somsak" cannot start a "salary_step_evaluation" case because "already has an evaluation in this round" with:
      | round            | R1        |
      | employee         | somchai   |
      | evaluation score | 80        |
      | evaluation level | very good |
      | proposed step    | one step  |
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
    And "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1                   |
      | employee         | somchai              |
      | evaluation score | 82                   |
      | evaluation level | very good            |
      | proposed step    | one and a half steps |
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
      | screening committee's remarks | a very good level does not support one and a half steps; review it against the standard |
    Then the case "E1" is in state "returned to the supervisor"
    And "somying" cannot fire "resubmit the evaluation" on "E1" because "evaluating supervisor" with:
      | revision note | step revised |
    When 1 day passes
    And "somsak" fires "resubmit the evaluation" on "E1" with:
      | proposed step | one step                                             |
      | revision note | proposed step brought in line with the very good level |
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
      | proposed step | one step |
    And the audit trail of "E1" records:
      | actor  | trigger                     | from                       | to                         |
      | somsak | start                       |                            | submitted                  |
      | kanda  | send back to the supervisor | submitted                  | returned to the supervisor |
      | somsak | resubmit the evaluation     | returned to the supervisor | submitted                  |
      | kanda  | record the screening        | submitted                  | screened                   |
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | times sent back      | 1       |
      | screened             | 1       |
      | step not decided yet | somchai |
    And the audit trail verifies

  @plan-16-5.5 @plan-17-5.7
  Scenario: An appeal within the window, upheld by the Chief Executive (project 16, step 5.5; project 17, step 5.7)
    The plan states no appeal route. The flow takes appeals for 30 days from the announcement
    (setting appeal_days): results announced on 1 April 2567 may be appealed until 30 April 2567.
    The employee appeals in person; the round cannot close while an appeal is undecided.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | evaluation score | 88        |
      | evaluation level | very good |
      | proposed step    | one step  |
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
      | present | wichai, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "wichai" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
    And "kanda" fires "record the step decided" on "E1"
    And "sompong" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "pranee" fires "vote" on "R1" with:
      | motion | approve the round's results |
      | vote   | yes                         |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion | approve the round's results |
    And "kanda" fires "record the approval of the results" on "R1"
    Then "somchai" cannot fire "appeal" on "E1" because "appeal window" with:
      | grounds of appeal | results not announced yet |
    When today is 1 April 2567
    And "sompong" fires "announce the results" on "R1" with:
      | salary-step order number | 300/2567 |
    And 29 days pass
    Then the case "R1" is in state "results announced, appeals open"
    And "somjai" cannot fire "appeal" on "E1" because "appeals in person" with:
      | grounds of appeal | appealing for somchai |
    When "somchai" fires "appeal" on "E1" with:
      | grounds of appeal | the road project finished ahead of schedule was not taken into account |
    Then the case "E1" is in state "appealed"
    And the case "E1" has the data:
      | appealed on | 30 April 2567 |
    When 1 day passes
    Then the case "R1" is in state "appeals closed"
    When "kanda" fires "record the staff satisfaction survey" on "R1" with:
      | survey respondents        | 180 |
      | satisfied with the system | 135 |
    Then "kanda" cannot fire "close the round" on "R1" because "appeal has not been decided"
    When "sompong" fires "uphold the appeal" on "E1" with:
      | step after the appeal | one and a half steps                                                   |
      | appeal decision       | the road project meets the excellent level: one and a half steps granted |
    And "kanda" fires "close the round" on "R1"
    Then the case "E1" is in state "appeal upheld"
    And the case "R1" is in state "closed"
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | granted one and a half steps | somchai |
      | granted one step             | -       |
      | appeals                      | 1       |
      | appeal upheld                | 1       |
      | satisfaction rate (%)        | 75.00   |
      | 80% target met               | no      |
    And the audit trail of "E1" records:
      | actor   | trigger           | from         | to            | outcome |
      | somchai | appeal            | step decided |               | refused |
      | somjai  | appeal            | step decided |               | refused |
      | somchai | appeal            | step decided | appealed      | moved   |
      | sompong | uphold the appeal | appealed     | appeal upheld | moved   |
    And the audit trail verifies

  @plan-16-5.5 @plan-17-5.7
  Scenario: An appeal after the window is refused (project 16, step 5.5; project 17, step 5.7)
    Results announced on 1 April 2567: the system closes the appeal window as 1 May 2567 begins,
    and an appeal after that is refused, the refusal recorded in the audit trail.

    When "kanda" starts a "salary_step_round" case "R1" with:
      | fiscal year       | 2567                  |
      | round of the year | first round (1 April) |
    And "kanda" fires "draft the measure" on "R1" with:
      | measure title | Measure on using citizens' service satisfaction in salary steps of personnel |
    And "sompong" fires "announce the measure" on "R1" with:
      | guidelines          | Guidelines on using citizens' satisfaction |
      | announcement number | 12/2567                                    |
    And "kanda" fires "publish to the public" on "R1" with:
      | public channels | Lampang PAO website |
    And "sompong" fires "appoint the screening committee" on "R1" with:
      | order     | 150/2567               |
      | chair     | wichai                 |
      | members   | somsak, somying, amnat |
      | secretary | kanda                  |
    And "sompong" fires "appoint the salary-step committee" on "R1" with:
      | order     | 151/2567               |
      | chair     | sompong                |
      | members   | wichai, somsak, pranee |
      | secretary | kanda                  |
    And "somsak" starts a "salary_step_evaluation" case "E1" with:
      | round            | R1        |
      | employee         | somchai   |
      | evaluation score | 88        |
      | evaluation level | very good |
      | proposed step    | one step  |
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
      | present | wichai, pranee, kanda |
    And "sompong" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "wichai" fires "vote" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
      | vote     | yes                       |
    And "sompong" fires "record the resolution" on "R1" with:
      | motion   | approve the proposed step |
      | employee | somchai                   |
    And "kanda" fires "record the step decided" on "E1"
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
    Then the case "R1" is in state "appeals closed"
    And "somchai" cannot fire "appeal" on "E1" because "window has closed" with:
      | grounds of appeal | the road project was not taken into account |
    And the case "E1" is in state "step decided"
    And the audit trail of "R1" records:
      | actor   | trigger                 | from                            | to                              |
      | sompong | announce the results    | results approved                | results announced, appeals open |
      | system  | close the appeal window | results announced, appeals open | appeals closed                  |
    And the audit trail of "E1" records:
      | actor   | trigger | from         | to | outcome |
      | somchai | appeal  | step decided |    | refused |
    When "kanda" fires "record the staff satisfaction survey" on "R1" with:
      | survey respondents        | 200 |
      | satisfied with the system | 160 |
    And "kanda" fires "close the round" on "R1"
    Then the case "R1" is in state "closed"
    And the report "salary-step rounds" for fiscal year 2567 shows:
      | granted one step      | somchai |
      | appeals               | 0       |
      | satisfaction rate (%) | 80.00   |
      | 80% target met        | yes     |
    And the audit trail verifies
