Feature: Disbursement control under the annual budget ordinance (integrity plan, project 14)
  Activity: controlling disbursements under the annual expenditure budget ordinance.
  Responsible: Finance Division, Lampang PAO.
  Outputs: progress meetings or spending reports at least once a quarter, and cross-checks.
  Outcome: disbursement errors down by 80 per cent.

  Method
  step 5.1 (tag @plan-14-5.1): set up a working group controlling disbursement under the budget ordinance.
  step 5.2 (tag @plan-14-5.2): meet the staff of every office, division and section to follow the
  progress of disbursement, with monthly or quarterly spending reports.
  step 5.3 (tag @plan-14-5.3): set up a working group cross-checking disbursements.
  step 5.4 (tag @plan-14-5.4): check disbursements as the working group decides.
  step 5.5 (tag @plan-14-5.5): report the results.

  Down by 80 per cent is read as this year's vouchers with an error at most 20 per cent of the
  errors of the year before.

  The same scenarios as disbursement_control.th.feature.

  Background:
    Given today is 2 October 2566
    And "sunee" holds the role "finance officer" in the unit "กองคลัง"
    And "malee" holds the role "finance officer" in the unit "กองคลัง"
    And "prasert" holds the role "Director of Finance" in the unit "กองคลัง"
    And "chaiwat" holds the role "Chief Executive"

  @plan-14-5.1 @plan-14-5.2 @plan-14-5.3 @plan-14-5.4 @plan-14-5.5
  Scenario: Disbursement control of fiscal year 2567 from the working groups to the report (project 14, steps 5.1 to 5.5)
    The Chief Executive appoints the control group (5.1) and the cross-check group (5.3); progress
    meetings every quarter (5.2); five vouchers cross-checked, one with an error (5.4); ten the year
    before, so errors are down by 90 per cent (5.5).

    When "sunee" starts a "disbursement_control" case "DC2567" with:
      | fiscal year | 2567 |
    Given today is 4 October 2566
    When "chaiwat" fires "appoint the control group" with:
      | order | 147/2566 |
      | chair | prasert |
      | members | somjai, wilai |
      | secretary | sunee |
    Given today is 10 October 2566
    When "chaiwat" fires "appoint the cross-check group" with:
      | order | 151/2566 |
      | chair | arunee |
      | members | preecha, wilai |
      | secretary | malee |
    Then the case is in state "cross-checking"
    Given today is 20 December 2566
    When "sunee" fires "record a progress meeting" with:
      | progress meetings | meeting=1/2567; meeting date=20 December 2566; units attending=12; spending report=first-quarter spending report |
    Given today is 15 January 2567
    When "malee" fires "record cross-checks" with:
      | cross-checks | voucher=V 0012/2567; prepared by=sunee; checked by=malee; checked on=15 January 2567; error type=no error |
      | cross-checks | voucher=V 0013/2567; prepared by=sunee; checked by=malee; checked on=15 January 2567; error type=missing document; detail=no acceptance record |
      | cross-checks | voucher=V 0020/2567; prepared by=preecha; checked by=malee; checked on=15 January 2567; error type=no error |
      | cross-checks | voucher=V 0021/2567; prepared by=preecha; checked by=sunee; checked on=15 January 2567; error type=no error |
      | cross-checks | voucher=V 0022/2567; prepared by=malee; checked by=sunee; checked on=15 January 2567; error type=no error |
    Given today is 20 March 2567
    When "sunee" fires "record a progress meeting" with:
      | progress meetings | meeting=2/2567; meeting date=20 March 2567; units attending=12; spending report=second-quarter spending report |
    Given today is 19 June 2567
    When "sunee" fires "record a progress meeting" with:
      | progress meetings | meeting=3/2567; meeting date=19 June 2567; units attending=11; spending report=third-quarter spending report |
    Given today is 18 September 2567
    When "sunee" fires "record a progress meeting" with:
      | progress meetings | meeting=4/2567; meeting date=18 September 2567; units attending=12; spending report=fourth-quarter spending report |
    Given today is 20 September 2567
    When "prasert" fires "report the results" with:
      | results report | Finance Division memo LP 51004/990 |
      | errors the year before | 10 |
    Then the case is in state "results reported"
    And the report "disbursement control" for fiscal year 2567 shows:
      | progress meetings held | 4 |
      | quarters without a progress meeting | 0 |
      | vouchers checked | 5 |
      | vouchers with an error | 1 |
      | errors the year before | 10 |
      | errors reduced by (%) | 90 |
      | errors down by at least 80% | yes |
    And the report "disbursement control" for fiscal year 2567 lists in "error log":
      | voucher | error type | checked on |
      | V 0013/2567 | missing document | 15 January 2567 |
    And the duty "quarterly progress meeting" in fiscal year 2567 stands:
      | period | status | due on |
      | quarter 1 | done on time | 31 December 2566 |
      | quarter 2 | done on time | 31 March 2567 |
      | quarter 3 | done on time | 30 June 2567 |
      | quarter 4 | done on time | 30 September 2567 |
    And the audit trail verifies

  @plan-14-5.4
  Scenario: A voucher is not checked by the one who prepared it (project 14, step 5.4)
    A cross-check is a check by another hand: sunee may not check the voucher she prepared, and the
    whole batch is refused until someone else checks it.

    When "sunee" starts a "disbursement_control" case "DC2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the control group" with:
      | order | 147/2566 |
      | chair | prasert |
      | members | somjai, wilai |
      | secretary | sunee |
    And "chaiwat" fires "appoint the cross-check group" with:
      | order | 151/2566 |
      | chair | arunee |
      | members | preecha, wilai |
      | secretary | malee |
    Then "sunee" cannot fire "record cross-checks" because "prepared" with:
      | cross-checks | voucher=V 0021/2567; prepared by=preecha; checked by=sunee; checked on=2 October 2566; error type=no error |
      | cross-checks | voucher=V 0012/2567; prepared by=sunee; checked by=sunee; checked on=2 October 2566; error type=no error |
    And the case has the data:
      | vouchers checked | 0 |
    When "malee" fires "record cross-checks" with:
      | cross-checks | voucher=V 0012/2567; prepared by=sunee; checked by=malee; checked on=2 October 2566; error type=no error |
    Then the case has the data:
      | vouchers checked | 1 |
    And the audit trail verifies

  @plan-14-5.2 @plan-14-5.5
  Scenario: No progress meeting in the second quarter, and errors down by less than 80 per cent (project 14, steps 5.2 and 5.5)
    A progress meeting in the first quarter and none in the second: the duties calendar finds the
    quarter missed. Five vouchers checked, three with an error, ten the year before: down by 70
    per cent only.

    When "sunee" starts a "disbursement_control" case "DC2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the control group" with:
      | order | 147/2566 |
      | chair | prasert |
      | members | somjai, wilai |
      | secretary | sunee |
    And "chaiwat" fires "appoint the cross-check group" with:
      | order | 151/2566 |
      | chair | arunee |
      | members | preecha, wilai |
      | secretary | malee |
    Given today is 20 December 2566
    When "sunee" fires "record a progress meeting" with:
      | progress meetings | meeting=1/2567; meeting date=20 December 2566; units attending=12; spending report=first-quarter spending report |
    And "malee" fires "record cross-checks" with:
      | cross-checks | voucher=V 0001/2567; prepared by=sunee; checked by=malee; checked on=20 December 2566; error type=wrong amount |
      | cross-checks | voucher=V 0002/2567; prepared by=sunee; checked by=malee; checked on=20 December 2566; error type=wrong budget item |
      | cross-checks | voucher=V 0003/2567; prepared by=preecha; checked by=malee; checked on=20 December 2566; error type=missing document |
      | cross-checks | voucher=V 0004/2567; prepared by=preecha; checked by=malee; checked on=20 December 2566; error type=no error |
      | cross-checks | voucher=V 0005/2567; prepared by=preecha; checked by=malee; checked on=20 December 2566; error type=no error |
    Given today is 1 April 2567
    Then the duty "quarterly progress meeting" of period "quarter 2" of fiscal year 2567 is overdue
    And the duty "quarterly progress meeting" of period "quarter 2" of fiscal year 2567 was recorded overdue
    When "prasert" fires "report the results" with:
      | results report | Finance Division memo LP 51004/301 |
      | errors the year before | 10 |
    Then the report "disbursement control" for fiscal year 2567 shows:
      | quarters without a progress meeting | 1 |
      | vouchers with an error | 3 |
      | errors reduced by (%) | 70 |
      | errors down by at least 80% | no |
    And the audit trail verifies
