Feature: Monitoring and evaluating internal control (integrity plan, project 30)
  Project 30 of the Lampang Provincial Administrative Organization's anti-corruption
  action plan, fiscal years B.E. 2566-2570: the activity of monitoring and evaluating
  internal control. Owner: the Office of the PAO Permanent Secretary. Under the Ministry
  of Finance criteria on internal control standards for public agencies, B.E. 2561.

  Method item 1 (tag @plan-30-5.1): the internal control evaluation committee is appointed
  (clause 5).
  Method item 2 (tag @plan-30-5.2): the internal control evaluation report is prepared
  (clause 8): the certificate of internal control, PK.4, PK.5 and PK.6.
  Method item 3 (tag @plan-30-5.3): the report is submitted (clause 9).
  Method item 4 (tag @plan-30-5.4): the results are used to improve work and controls.
  Method item 5 (tag @plan-30-5.5): the report is published at the office, on the website
  and on the agency's social media.
  Output 2: a summary of the results and an improvement plan, with 80% of the control
  activities fixed.

  The same scenarios as internal_control.th.feature. One internal_control_evaluation case
  per fiscal year; each document is an internal_control_report child case whose author
  and approver are different people; each action of the improvement plan is a
  control_action child case, and the 80% KPI is computed from them.

  Background:
    Given today is 2 October 2566
    And "kanda" holds the role "coordinator" in the unit "สำนักปลัดองค์การบริหารส่วนจังหวัด"
    And "surachai" holds the roles "PAO permanent secretary" and "coordinator"
    And "sompong" holds the role "executive"
    And "pranee" holds the role "internal auditor" in the unit "หน่วยตรวจสอบภายใน"
    And "arun" belongs to the unit "กองคลัง"
    And "boonmee" belongs to the unit "กองช่าง"

  @plan-30-5.1 @plan-30-5.2 @plan-30-5.3 @plan-30-5.4 @plan-30-5.5
  Scenario: The internal control evaluation of fiscal year 2566 with 80% of the actions fixed, target met (project 30, items 1 to 5)
    At the start of fiscal year 2567 the year just ended, 2566, is evaluated (a year not
    ended cannot be). The executive appoints the committee by order (item 1); the four
    documents are each prepared and approved by different people, PK.6 prepared by the
    internal auditor, and whoever wrote PK.5 does not approve the PK.6 reviewing it; the
    certificate is approved by the executive (item 2); the committee adopts the report
    before it is submitted within 90 days after the year's end (item 3, clause 9 of the
    criteria); the improvement plan runs in 2567, four of its five actions are fixed (item
    4); the report is published on all three channels (item 5).

    When "kanda" starts an "internal_control_evaluation" case "evaluation 2566" with:
      | fiscal year evaluated | 2566 |
    Then "kanda" cannot start an "internal_control_evaluation" case because "once that year has ended" with:
      | fiscal year evaluated | 2567 |
    And "kanda" cannot fire "appoint the committee" because "executive" with:
      | order     | 1234/2566      |
      | chair     | surachai       |
      | members   | arun, boonmee  |
      | secretary | kanda          |
    And "sompong" cannot fire "appoint the committee" because "members" with:
      | order     | 1234/2566 |
      | chair     | surachai  |
      | members   | arun      |
      | secretary | kanda     |
    When "sompong" fires "appoint the committee" with:
      | order     | 1234/2566     |
      | chair     | surachai      |
      | members   | arun, boonmee |
      | secretary | kanda         |
    Then the case is in state "evaluating"

    When "kanda" starts an "internal_control_report" case "certificate" with:
      | form | certificate of internal control |
    And "kanda" starts an "internal_control_report" case "PK.4" with:
      | form | PK.4 |
    And "surachai" starts an "internal_control_report" case "PK.5" with:
      | form | PK.5 |
    Then "kanda" cannot start an "internal_control_report" case because "internal auditor" with:
      | form | PK.6 |
    When "pranee" starts an "internal_control_report" case "PK.6" with:
      | form | PK.6 |
    Then "pranee" cannot start an "internal_control_report" case because "already been started" with:
      | form | PK.6 |
    When "kanda" fires "submit" on "certificate" with:
      | document reference | certificate of internal control, fiscal year 2566 |
    Then "surachai" cannot fire "approve" on "certificate" because "executive"
    When "sompong" fires "approve" on "certificate"
    And "kanda" fires "submit" on "PK.4" with:
      | document reference | assessment of the components of internal control (PK.4), 2566 |
    And "surachai" fires "approve" on "PK.4"
    And "surachai" fires "submit" on "PK.5" with:
      | document reference | internal control evaluation report (PK.5), 2566 |
    Then "surachai" cannot fire "approve" on "PK.5" because "author"
    When "sompong" fires "return for revision" on "PK.5" with:
      | revision note | add the Engineering Division's construction supervision risk |
    And "surachai" fires "submit" on "PK.5"
    And "sompong" fires "approve" on "PK.5"
    And "pranee" fires "submit" on "PK.6" with:
      | document reference | the internal auditor's review of the evaluation (PK.6) |
    Then "surachai" cannot fire "approve" on "PK.6" because "separation of duties"
    When "sompong" fires "approve" on "PK.6"
    Then the case "PK.6" is in state "approved"

    And "kanda" cannot fire "submit the report" on "evaluation 2566" because "no resolution" with:
      | submission letter | LP 51001/W 500                              |
      | submitted to      | Lampang provincial governor (supervisor)    |
    When "surachai" fires "open the meeting" on "evaluation 2566" with:
      | present | arun, kanda |
    And "boonmee" fires "attend"
    And "surachai" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | yes                                          |
    And "arun" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | yes                                          |
    And "boonmee" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | yes                                          |
    And "kanda" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | abstain                                      |
    And "surachai" fires "resolve" with:
      | motion | adopt the internal control evaluation report |
    And "surachai" fires "close the meeting" with:
      | minutes | minutes of the evaluation committee, meeting 1/2567 |
    And "kanda" fires "submit the report" with:
      | submission letter | LP 51001/W 500                           |
      | submitted to      | Lampang provincial governor (supervisor) |
    Then the case is in state "report submitted"
    And the duty "submit_within_deadline" of period "fiscal year 2566" of fiscal year 2566 is done on time

    When "kanda" fires "start the improvement plan" with:
      | improvement plan | internal control improvement plan, fiscal year 2567 (per PK.5) |
    And "kanda" starts a "control_action" case "deposits" with:
      | control            | daily review of bank deposits |
      | responsible unit   | กองคลัง                       |
      | responsible person | somjai                        |
      | due date           | 31 March 2567                 |
    And "kanda" starts a "control_action" case "stock count" with:
      | control            | yearly count of supplies and register update |
      | responsible unit   | กองพัสดุและทรัพย์สิน                          |
      | responsible person | anan                                         |
    And "kanda" starts a "control_action" case "pool car" with:
      | control            | pool car use controlled by a log book |
      | responsible unit   | สำนักปลัดองค์การบริหารส่วนจังหวัด        |
      | responsible person | kanda                                 |
    And "kanda" starts a "control_action" case "acceptance" with:
      | control            | supervisors kept out of construction acceptance committees |
      | responsible unit   | กองช่าง                                                    |
      | responsible person | wandee                                                     |
    And "kanda" starts a "control_action" case "medical supplies" with:
      | control            | monthly count of medical supplies |
      | responsible unit   | กองสาธารณสุข                      |
      | responsible person | prapa                             |
    And "kanda" fires "publish the report" on "evaluation 2566" with:
      | posted at the office | notice board, Lampang PAO office                        |
      | website              | https://www.lampangpao.go.th/internal-control-2566     |
      | social media         | Lampang PAO Facebook page                             |
    Then the case "evaluation 2566" is in state "published"

    Given today is 29 March 2567
    When "kanda" fires "record as fixed" on "deposits" with:
      | evidence of the fix | daily review records, October 2566 to March 2567 |
    And "kanda" fires "record as fixed" on "stock count" with:
      | evidence of the fix | report of the yearly stock count |
    And "kanda" fires "record as fixed" on "acceptance" with:
      | evidence of the fix | separate orders appointing supervisors and acceptance committees |
    Then "kanda" cannot fire "record as fixed" on "pool car" because "responsible person" with:
      | evidence of the fix | log book |
    When "surachai" fires "record as fixed" on "pool car" with:
      | evidence of the fix | log book signed by the supervisor for every trip |
    And "kanda" fires "record as not fixed" on "medical supplies" with:
      | reason not fixed | waiting for a medical supply register system, fiscal year 2568 |
    Then the report "internal_control_kpi" for fiscal year 2566 shows:
      | figure             | value                                             |
      | documents approved | หนังสือรับรองการควบคุมภายใน, ปค.๔, ปค.๕, ปค.๖        |
      | published          | yes                                               |
      | control actions    | 5                                                 |
      | fixed              | 4                                                 |
      | not fixed          | 1                                                 |
      | not recorded yet   | 0                                                 |
      | fixed (%)          | 80                                                |
      | 80% target met     | yes                                               |
    When "kanda" fires "close the year" on "evaluation 2566" with:
      | summary of the improvements | 4 of 5 actions fixed (80%) |
      | satisfaction survey respondents | 10 |
      | satisfied at the level high or above | 9 |
      | corruption naming the PAO, the year before | 20 |
      | corruption naming the PAO, the year evaluated | 18 |
    Then the report "internal_control_kpi" for fiscal year 2566 shows:
      | figure | value |
      | those involved satisfied high or above (%) | 90 |
      | fall in corruption naming the PAO (%) | 10 |
    Then the case "evaluation 2566" is in state "closed"
    And the audit trail of "evaluation 2566" records:
      | actor    | trigger                    | from        | to               |
      | kanda    | start                      |             | preparing        |
      | sompong  | appoint the committee      | preparing   | evaluating       |
      | surachai | resolve                    | evaluating  | evaluating       |
      | kanda    | submit the report          | evaluating  | report submitted |
      | kanda    | start the improvement plan | report submitted | improving   |
      | kanda    | publish the report         | improving   | published        |
      | kanda    | close the year             | published   | closed           |
    And the audit trail verifies

  @plan-30-5.4
  Scenario: Half of the improvement actions fixed, the 80% target missed (project 30, item 4)
    An action not yet recorded counts as not fixed, and the year cannot be closed until
    every action is recorded.

    Given today is 3 October 2566
    When "kanda" starts an "internal_control_evaluation" case "evaluation 2566" with:
      | fiscal year evaluated | 2566 |
    And "sompong" fires "appoint the committee" with:
      | order     | 1234/2566     |
      | chair     | surachai      |
      | members   | arun, boonmee |
      | secretary | kanda         |
    And "kanda" starts an "internal_control_report" case "certificate" with:
      | form | certificate of internal control |
    And "kanda" starts an "internal_control_report" case "PK.4" with:
      | form | PK.4 |
    And "kanda" starts an "internal_control_report" case "PK.5" with:
      | form | PK.5 |
    And "pranee" starts an "internal_control_report" case "PK.6" with:
      | form | PK.6 |
    And "kanda" fires "submit" on "certificate" with:
      | document reference | certificate of internal control, fiscal year 2566 |
    And "sompong" fires "approve" on "certificate"
    And "kanda" fires "submit" on "PK.4" with:
      | document reference | PK.4, fiscal year 2566 |
    And "surachai" fires "approve" on "PK.4"
    And "kanda" fires "submit" on "PK.5" with:
      | document reference | PK.5, fiscal year 2566 |
    And "surachai" fires "approve" on "PK.5"
    And "pranee" fires "submit" on "PK.6" with:
      | document reference | PK.6, fiscal year 2566 |
    And "surachai" fires "approve" on "PK.6"
    And "surachai" fires "open the meeting" on "evaluation 2566" with:
      | present | arun, boonmee |
    And "surachai" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | yes                                          |
    And "arun" fires "vote" with:
      | motion | adopt the internal control evaluation report |
      | vote   | yes                                          |
    And "surachai" fires "resolve" with:
      | motion | adopt the internal control evaluation report |
    And "kanda" fires "submit the report" with:
      | submission letter | LP 51001/W 500                           |
      | submitted to      | Lampang provincial governor (supervisor) |
    And "kanda" fires "start the improvement plan" with:
      | improvement plan | internal control improvement plan, fiscal year 2567 (per PK.5) |
    And "kanda" starts a "control_action" case "deposits" with:
      | control            | daily review of bank deposits |
      | responsible unit   | กองคลัง                       |
      | responsible person | somjai                        |
    And "kanda" starts a "control_action" case "stock count" with:
      | control            | yearly count of supplies and register update |
      | responsible unit   | กองพัสดุและทรัพย์สิน                          |
      | responsible person | anan                                         |
    And "kanda" starts a "control_action" case "acceptance" with:
      | control            | supervisors kept out of construction acceptance committees |
      | responsible unit   | กองช่าง                                                    |
      | responsible person | wandee                                                     |
    And "kanda" starts a "control_action" case "medical supplies" with:
      | control            | monthly count of medical supplies |
      | responsible unit   | กองสาธารณสุข                      |
      | responsible person | prapa                             |
    And "kanda" fires "publish the report" on "evaluation 2566" with:
      | posted at the office | notice board, Lampang PAO office                    |
      | website              | https://www.lampangpao.go.th/internal-control-2566 |
      | social media         | Lampang PAO Facebook page                         |
    Given today is 29 March 2567
    When "kanda" fires "record as fixed" on "deposits" with:
      | evidence of the fix | daily review records |
    And "kanda" fires "record as fixed" on "stock count" with:
      | evidence of the fix | report of the yearly stock count |
    And "kanda" fires "record as not fixed" on "acceptance" with:
      | reason not fixed | too few Engineering Division staff to separate the duties |
    Then the report "internal control KPI" for fiscal year 2566 shows:
      | control actions  | 4  |
      | fixed            | 2  |
      | not fixed        | 1  |
      | not recorded yet | 1  |
      | fixed (%)        | 50 |
      | 80% target met   | no |
    And "kanda" cannot fire "close the year" on "evaluation 2566" because "every action" with:
      | summary of the improvements | 2 of 4 actions fixed |
    When "kanda" fires "record as not fixed" on "medical supplies" with:
      | reason not fixed | waiting for a medical supply register system, fiscal year 2568 |
    And "kanda" fires "close the year" on "evaluation 2566" with:
      | summary of the improvements | 2 of 4 actions fixed (50%), target missed, carried to next year's plan |
      | satisfaction survey respondents | 10 |
      | satisfied at the level high or above | 7 |
      | corruption naming the PAO, the year before | 20 |
      | corruption naming the PAO, the year evaluated | 20 |
    Then the report "internal_control_kpi" for fiscal year 2566 shows:
      | those involved satisfied high or above (%) | 70 |
      | fall in corruption naming the PAO (%) | 0 |
      | not fixed        | 2  |
      | not recorded yet | 0  |
      | fixed (%)        | 50 |
      | 80% target met   | no |
    And the audit trail verifies

  @plan-30-5.3
  Scenario: The internal control report not submitted within 90 days after the year's end (clause 9 of the criteria)
    Fiscal year 2566's report is due at the supervising body by 29 December 2566; once the
    time has passed without it, the duty is overdue and the sweep records it.

    When "kanda" starts an "internal_control_evaluation" case "evaluation 2566" with:
      | fiscal year evaluated | 2566 |
    And 88 days pass
    Then the duty "submit_within_deadline" of period "fiscal year 2566" of fiscal year 2566 is due
    When 4 days pass
    Then the duty "submit_within_deadline" of period "fiscal year 2566" of fiscal year 2566 is overdue
    And the duty "submit_within_deadline" of period "fiscal year 2566" of fiscal year 2566 was recorded overdue
    And the audit trail verifies
