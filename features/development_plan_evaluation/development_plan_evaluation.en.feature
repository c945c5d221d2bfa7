Feature: Monitoring and evaluation of performance and the development plan (integrity plan, project 28)
  Activity: performance evaluation of Lampang PAO (under the project to monitor and evaluate the PAO development plan).
  Responsible: Research and Evaluation Section, Strategy and Budget Division.

  Method
  step 5.1 (tag @plan-28-5.1): gather data with the units concerned.
  step 5.2 (tag @plan-28-5.2): draw up the project and have it approved.
  step 5.3 (tag @plan-28-5.3): announce the project.
  step 5.4 (tag @plan-28-5.4): appoint by order the monitoring and evaluation committee: two
  representatives of community organisations and the private sector, two council members, two
  experts, the Palad as member and secretary, the head of the Palad's office and the head of
  general administration as assistant secretaries; it evaluates at least twice a year.
  step 5.5 (tag @plan-28-5.5): committee meetings.
  step 5.6 (tag @plan-28-5.6): monitor and evaluate the development plan.
  step 5.7 (tag @plan-28-5.7): report the results and opinions to the executive, who presents them to
  the council and the local development committee.
  step 5.8 (tag @plan-28-5.8): announce the results to the people.
  step 5.9 (tag @plan-28-5.9): publish the results on several channels.
  step 5.10 (tag @plan-28-5.10): report the activity.

  The results are announced within 15 days of their presentation, posted for at least 30 days, once a
  year within December: Ministry of Interior regulation on local development plans B.E. 2548, amended
  (No. 3) B.E. 2561, clauses 29 (3) and 30 (5), counted from the executive's presentation to the
  council and the development committee.

  The same scenarios as development_plan_evaluation.th.feature.

  Background:
    Given today is 2 October 2566
    And "napa" holds the role "evaluation officer" in the unit "Strategy and Budget Division"
    And "chaiwat" holds the role "local executive"

  @plan-28-5.1 @plan-28-5.2 @plan-28-5.3 @plan-28-5.4 @plan-28-5.5 @plan-28-5.6 @plan-28-5.7 @plan-28-5.8 @plan-28-5.9 @plan-28-5.10
  Scenario: The evaluation of fiscal year 2567 from gathering data to the activity report (project 28, steps 5.1 to 5.10)
    When "napa" starts a "development_plan_evaluation" case "EV2567" with:
      | fiscal year | 2567 |
    And "napa" fires "record the data gathered" with:
      | data gathered from the units | results of every division's projects in the local development plan |
    Given today is 4 October 2566
    When "chaiwat" fires "approve the project" with:
      | project approval memo | Strategy Division memo LP 51002/301 |
    Given today is 9 October 2566
    When "napa" fires "announce the project" with:
      | project announcement number | 18/2566 |
    Given today is 16 October 2566
    When "chaiwat" fires "appoint the committee" with:
      | appointment order | 155/2566 |
      | monitoring and evaluation committee | name=Saman Jaidee; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Pen Srisuk; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Boonma Khamdee; seat=council representative |
      | monitoring and evaluation committee | name=Wirat Thongdee; seat=council representative |
      | monitoring and evaluation committee | name=Asst. Prof. Suda Meesuk; seat=expert |
      | monitoring and evaluation committee | name=Dr. Anan Jai-ngam; seat=expert |
      | monitoring and evaluation committee | name=Wichai Rakdee; seat=Palad, member and secretary |
      | monitoring and evaluation committee | name=Somsri Kaewdee; seat=assistant secretary; position=head of the Palad's office |
      | monitoring and evaluation committee | name=Manop Sukjai; seat=assistant secretary; position=head of general administration |
    Then the case is in state "committee evaluating"
    Given today is 20 December 2566
    When "napa" fires "record a committee meeting" with:
      | committee meetings | meeting=1/2567; meeting date=20 December 2566; members attending=8 |
    Given today is 27 March 2567
    When "napa" fires "record an evaluation" with:
      | evaluations | evaluation round=1/2567; evaluated on=27 March 2567; findings=45 per cent of the plan's projects done |
    Given today is 25 September 2567
    When "napa" fires "record an evaluation" with:
      | evaluations | evaluation round=2/2567; evaluated on=25 September 2567; findings=82 per cent of the plan's projects done |
    Given today is 27 September 2567
    When "napa" fires "report to the executive" with:
      | the committee's opinions | speed up the infrastructure projects not yet started |
    Given today is 7 October 2567
    When "chaiwat" fires "present to the council and the development committee" with:
      | presented to the council on | 7 October 2567 |
      | presented to the development committee on | 7 October 2567 |
    Given today is 16 October 2567
    When "chaiwat" fires "announce the results" with:
      | results announcement number | 20/2567 |
      | results posted on | 16 October 2567 |
      | posted until | 15 November 2567 |
    Given today is 17 October 2567
    When "napa" fires "publish the results" with:
      | publications | channel=website; published on=17 October 2567 |
      | publications | channel=online media; published on=17 October 2567 |
    And "napa" fires "report the activity" with:
      | activity report | Strategy Division memo LP 51002/900 |
    Then the case is in state "activity reported"
    And the report "development plan evaluation" for fiscal year 2567 shows:
      | evaluations held | 2 |
      | evaluated at least twice a year | yes |
      | presented to the council | yes |
      | activity reported | yes |
    And the duty "half-yearly evaluation" in fiscal year 2567 stands:
      | period | status | due on |
      | half 1 | done on time | 31 March 2567 |
      | half 2 | done on time | 30 September 2567 |
    And the duty "results announced by December" in fiscal year 2568 stands:
      | period | status | due on |
      | fiscal year 2568 | done on time | 31 December 2567 |
    And the audit trail verifies

  @plan-28-5.4 @plan-28-5.7 @plan-28-5.8
  Scenario: The order has the plan's seats, a presentation is not dated in the future, and the results stay posted at least 30 days (project 28, steps 5.4, 5.7 and 5.8)
    When "napa" starts a "development_plan_evaluation" case "EV2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "approve the project" with:
      | data gathered from the units | results of the plan's projects |
      | project approval memo | LP 51002/301 |
    And "napa" fires "announce the project" with:
      | project announcement number | 18/2566 |
    Then "chaiwat" cannot fire "appoint the committee" because "community" with:
      | appointment order | 155/2566 |
      | monitoring and evaluation committee | name=Saman Jaidee; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Boonma Khamdee; seat=council representative |
      | monitoring and evaluation committee | name=Wirat Thongdee; seat=council representative |
      | monitoring and evaluation committee | name=Asst. Prof. Suda Meesuk; seat=expert |
      | monitoring and evaluation committee | name=Dr. Anan Jai-ngam; seat=expert |
      | monitoring and evaluation committee | name=Wichai Rakdee; seat=Palad, member and secretary |
      | monitoring and evaluation committee | name=Somsri Kaewdee; seat=assistant secretary; position=head of the Palad's office |
      | monitoring and evaluation committee | name=Manop Sukjai; seat=assistant secretary; position=head of general administration |
    When "chaiwat" fires "appoint the committee" with:
      | appointment order | 155/2566 |
      | monitoring and evaluation committee | name=Saman Jaidee; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Pen Srisuk; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Boonma Khamdee; seat=council representative |
      | monitoring and evaluation committee | name=Wirat Thongdee; seat=council representative |
      | monitoring and evaluation committee | name=Asst. Prof. Suda Meesuk; seat=expert |
      | monitoring and evaluation committee | name=Dr. Anan Jai-ngam; seat=expert |
      | monitoring and evaluation committee | name=Wichai Rakdee; seat=Palad, member and secretary |
      | monitoring and evaluation committee | name=Somsri Kaewdee; seat=assistant secretary; position=head of the Palad's office |
      | monitoring and evaluation committee | name=Manop Sukjai; seat=assistant secretary; position=head of general administration |
    And "napa" fires "record a committee meeting" with:
      | committee meetings | meeting=1/2567; meeting date=2 October 2566; members attending=8 |
    And "napa" fires "record an evaluation" with:
      | evaluations | evaluation round=1/2567; evaluated on=2 October 2566; findings=on plan |
      | evaluations | evaluation round=2/2567; evaluated on=2 October 2566; findings=on plan |
    And "napa" fires "report to the executive" with:
      | the committee's opinions | on plan |
    Given today is 4 October 2566
    Then "chaiwat" cannot fire "present to the council and the development committee" because "presented to the development committee on" with:
      | presented to the council on | 3 October 2566 |
      | presented to the development committee on | 5 October 2566 |
    When "chaiwat" fires "present to the council and the development committee" with:
      | presented to the council on | 3 October 2566 |
      | presented to the development committee on | 3 October 2566 |
    Then "chaiwat" cannot fire "announce the results" because "posted until" with:
      | results announcement number | 20/2566 |
      | results posted on | 4 October 2566 |
      | posted until | 24 October 2566 |
    And the audit trail verifies

  @plan-28-5.6
  Scenario: No evaluation in the second half, and no report to the executive (project 28, step 5.6)
    The committee evaluates once, in the first half. The duties calendar finds the second half
    missed; the report to the executive waits for the second evaluation, and the year's report
    shows fewer than two.

    When "napa" starts a "development_plan_evaluation" case "EV2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "approve the project" with:
      | data gathered from the units | results of the plan's projects |
      | project approval memo | LP 51002/301 |
    And "napa" fires "announce the project" with:
      | project announcement number | 18/2566 |
    And "chaiwat" fires "appoint the committee" with:
      | appointment order | 155/2566 |
      | monitoring and evaluation committee | name=Saman Jaidee; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Pen Srisuk; seat=community or private-sector representative |
      | monitoring and evaluation committee | name=Boonma Khamdee; seat=council representative |
      | monitoring and evaluation committee | name=Wirat Thongdee; seat=council representative |
      | monitoring and evaluation committee | name=Asst. Prof. Suda Meesuk; seat=expert |
      | monitoring and evaluation committee | name=Dr. Anan Jai-ngam; seat=expert |
      | monitoring and evaluation committee | name=Wichai Rakdee; seat=Palad, member and secretary |
      | monitoring and evaluation committee | name=Somsri Kaewdee; seat=assistant secretary; position=head of the Palad's office |
      | monitoring and evaluation committee | name=Manop Sukjai; seat=assistant secretary; position=head of general administration |
    And "napa" fires "record a committee meeting" with:
      | committee meetings | meeting=1/2567; meeting date=2 October 2566; members attending=8 |
    Given today is 27 March 2567
    When "napa" fires "record an evaluation" with:
      | evaluations | evaluation round=1/2567; evaluated on=27 March 2567; findings=45 per cent of the plan's projects done |
    Given today is 1 October 2567
    Then the duty "half-yearly evaluation" of period "half 2" of fiscal year 2567 is overdue
    And the duty "half-yearly evaluation" of period "half 2" of fiscal year 2567 was recorded overdue
    And "napa" cannot fire "report to the executive" because "twice a year" with:
      | the committee's opinions | speed up the projects |
    And the report "development plan evaluation" for fiscal year 2567 shows:
      | evaluations held | 1 |
      | evaluated at least twice a year | no |
      | activity reported | no |
    And the audit trail verifies
