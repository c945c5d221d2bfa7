Feature: Monthly financial reports and quarterly performance reports (integrity plan, project 9)
  Strengthening transparency in budget administration (activity "Reporting spending results to the public").
  Responsible: Finance Division, Lampang PAO.

  Step 5.5 (tag @plan-9-5.5): the yearly summary of spending, in the cycles laws and regulations set:
  1) the trial balance, the monthly financial report and the expenditure reconciliation of every
  source of funds, presented to the Chief Executive of Lampang PAO, with a copy of the accounts to
  the Provincial Governor, every month;
  2) the quarterly performance report, presented to the local executive within 30 days of the end
  of the quarter, and posted for the public at the office of the local government organisation
  within 15 days of the executive's acknowledgement.

  The monthly report's deadline, 30 days after the end of the month, is the budget_report flow's
  reading of the plan, which says only "every month".

  Background:
    Given today is 2 October 2566
    And "sunee" holds the role "finance officer" in the unit "กองคลัง"
    And "prasert" holds the role "Director of Finance" in the unit "กองคลัง"
    And "chaiwat" holds the role "Chief Executive"

  @plan-9-5.5
  Scenario: Fiscal year 2567 without February's monthly report and with the second quarter's report late (project 9, step 5.5)
    The Finance Division presents the monthly report with the copy to the Governor every month but
    February 2567, and presents the second quarter's report on 7 May 2567, after its due date of
    30 April 2567, but posts it within 15 days of the Chief Executive's acknowledgement.

    When today is 10 November 2566
    And "sunee" starts a "budget_report" case "M10" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 October 2566 |
      | letter sending the copy to the Governor | LP 51004/10 |
    And "prasert" fires "present to the Chief Executive" on "M10"
    When today is 12 December 2566
    And "sunee" starts a "budget_report" case "M11" with:
      | kind of report | monthly financial report |
      | end of the period reported | 30 November 2566 |
      | letter sending the copy to the Governor | LP 51004/11 |
    And "prasert" fires "present to the Chief Executive" on "M11"
    When today is 10 January 2567
    And "sunee" starts a "budget_report" case "M12" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 December 2566 |
      | letter sending the copy to the Governor | LP 51004/12 |
    And "prasert" fires "present to the Chief Executive" on "M12"
    When today is 15 January 2567
    And "sunee" starts a "budget_report" case "Q1" with:
      | kind of report | quarterly performance report |
      | end of the period reported | 31 December 2566 |
    And "prasert" fires "present to the Chief Executive" on "Q1"
    When today is 17 January 2567
    And "chaiwat" fires "acknowledge" on "Q1"
    When today is 24 January 2567
    And "sunee" fires "post for the public" on "Q1" with:
      | posted at | notice board, Lampang PAO office |
    When today is 9 February 2567
    And "sunee" starts a "budget_report" case "M01" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 January 2567 |
      | letter sending the copy to the Governor | LP 51004/1 |
    And "prasert" fires "present to the Chief Executive" on "M01"
    When today is 2 April 2567
    Then the duty "monthly financial report" of period "February 2567" of fiscal year 2567 is overdue
    And the duty "monthly financial report" of period "March" of fiscal year 2567 is due
    When today is 10 April 2567
    And "sunee" starts a "budget_report" case "M03" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 March 2567 |
      | letter sending the copy to the Governor | LP 51004/3 |
    And "prasert" fires "present to the Chief Executive" on "M03"
    When today is 2 May 2567
    Then the duty "monthly financial report" of period "February 2567" of fiscal year 2567 is missing
    And the duty "quarterly performance report" of period "quarter 2" of fiscal year 2567 is overdue
    When today is 7 May 2567
    And "sunee" starts a "budget_report" case "Q2" with:
      | kind of report | quarterly performance report |
      | end of the period reported | 31 March 2567 |
    And "prasert" fires "present to the Chief Executive" on "Q2"
    When today is 9 May 2567
    And "chaiwat" fires "acknowledge" on "Q2"
    When today is 13 May 2567
    And "sunee" starts a "budget_report" case "M04" with:
      | kind of report | monthly financial report |
      | end of the period reported | 30 April 2567 |
      | letter sending the copy to the Governor | LP 51004/4 |
    And "prasert" fires "present to the Chief Executive" on "M04"
    When today is 16 May 2567
    And "sunee" fires "post for the public" on "Q2" with:
      | posted at | notice board, Lampang PAO office |
    When today is 10 June 2567
    And "sunee" starts a "budget_report" case "M05" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 May 2567 |
      | letter sending the copy to the Governor | LP 51004/5 |
    And "prasert" fires "present to the Chief Executive" on "M05"
    When today is 10 July 2567
    And "sunee" starts a "budget_report" case "M06" with:
      | kind of report | monthly financial report |
      | end of the period reported | 30 June 2567 |
      | letter sending the copy to the Governor | LP 51004/6 |
    And "prasert" fires "present to the Chief Executive" on "M06"
    When today is 15 July 2567
    And "sunee" starts a "budget_report" case "Q3" with:
      | kind of report | quarterly performance report |
      | end of the period reported | 30 June 2567 |
    And "prasert" fires "present to the Chief Executive" on "Q3"
    When today is 17 July 2567
    And "chaiwat" fires "acknowledge" on "Q3"
    When today is 24 July 2567
    And "sunee" fires "post for the public" on "Q3" with:
      | posted at | notice board, Lampang PAO office |
    When today is 9 August 2567
    And "sunee" starts a "budget_report" case "M07" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 July 2567 |
      | letter sending the copy to the Governor | LP 51004/7 |
    And "prasert" fires "present to the Chief Executive" on "M07"
    When today is 10 September 2567
    And "sunee" starts a "budget_report" case "M08" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 August 2567 |
      | letter sending the copy to the Governor | LP 51004/8 |
    And "prasert" fires "present to the Chief Executive" on "M08"
    When today is 10 October 2567
    And "sunee" starts a "budget_report" case "M09" with:
      | kind of report | monthly financial report |
      | end of the period reported | 30 September 2567 |
      | letter sending the copy to the Governor | LP 51004/9 |
    And "prasert" fires "present to the Chief Executive" on "M09"
    When today is 15 October 2567
    And "sunee" starts a "budget_report" case "Q4" with:
      | kind of report | quarterly performance report |
      | end of the period reported | 30 September 2567 |
    And "prasert" fires "present to the Chief Executive" on "Q4"
    When today is 17 October 2567
    And "chaiwat" fires "acknowledge" on "Q4"
    When today is 24 October 2567
    And "sunee" fires "post for the public" on "Q4" with:
      | posted at | notice board, Lampang PAO office |
    When today is 1 November 2567
    Then the duty "monthly financial report" in fiscal year 2567 stands:
      | period | status | due on |
      | October 2566 | done on time | 30 November 2566 |
      | November 2566 | done on time | 30 December 2566 |
      | December 2566 | done on time | 30 January 2567 |
      | January 2567 | done on time | 1 March 2567 |
      | February 2567 | missing | 30 March 2567 |
      | March 2567 | done on time | 30 April 2567 |
      | April 2567 | done on time | 30 May 2567 |
      | May 2567 | done on time | 30 June 2567 |
      | June 2567 | done on time | 30 July 2567 |
      | July 2567 | done on time | 30 August 2567 |
      | August 2567 | done on time | 30 September 2567 |
      | September 2567 | done on time | 30 October 2567 |
    And the duty "quarterly performance report" in fiscal year 2567 stands:
      | period | status | due on |
      | quarter 1 | done on time | 30 January 2567 |
      | quarter 2 | done late | 30 April 2567 |
      | quarter 3 | done on time | 30 July 2567 |
      | quarter 4 | done on time | 30 October 2567 |
    And the duty "quarterly performance report posted" in fiscal year 2567 stands:
      | period | status | due on |
      | quarter 1 | done on time | 1 February 2567 |
      | quarter 2 | done on time | 24 May 2567 |
      | quarter 3 | done on time | 1 August 2567 |
      | quarter 4 | done on time | 1 November 2567 |
    And the report "budget reporting" for fiscal year 2567 shows:
      | monthly reports on time | 11 |
      | monthly reports missing | 1 |
      | quarterly reports presented late | 1 |
      | quarterly reports posted late | 0 |
    And the duty "monthly financial report" of period "February 2567" of fiscal year 2567 was recorded overdue
    And the audit trail verifies

  @plan-9-5.5
  Scenario: A monthly financial report goes with its copy to the Governor (project 9, step 5.5 1))
    When today is 10 November 2566
    And "sunee" starts a "budget_report" case "M10" with:
      | kind of report | monthly financial report |
      | end of the period reported | 31 October 2566 |
    Then "prasert" cannot fire "present to the Chief Executive" on "M10" because "Governor"
    And "sunee" cannot fire "present to the Chief Executive" on "M10" because "Director of Finance"
    And the duty "monthly financial report" of period "October 2566" of fiscal year 2567 is due
    When today is 1 December 2566
    Then the duty "monthly financial report" of period "October 2566" of fiscal year 2567 is overdue
    And the duty "monthly financial report" of period "October 2566" of fiscal year 2567 was recorded overdue
    When "prasert" fires "present to the Chief Executive" on "M10" with:
      | letter sending the copy to the Governor | LP 51004/10 |
    Then the duty "monthly financial report" of period "October 2566" of fiscal year 2567 is done late
    And the duty "monthly financial report" of period "October 2566" of fiscal year 2567 was recorded overdue
    And the audit trail verifies

  @plan-9-5.5
  Scenario: A report is not posted before the executive acknowledged it, and the receipts-payments report goes to the Governor and the Provincial Treasury Office and is posted at the office and on the website (project 9, step 5.5 2) and 3))
    The first quarter's performance report may be posted only once the Chief Executive has
    acknowledged it. The receipts-payments report of fiscal year 2567 is presented to the
    executives with copies to the Provincial Governor, as supervisor, and the Provincial Treasury
    Office, and posted for the public at the office and on the website; it is owed within 90 days
    of the fiscal year's end, the budget_report flow's reading.

    When today is 15 January 2567
    And "sunee" starts a "budget_report" case "Q1" with:
      | kind of report | quarterly performance report |
      | end of the period reported | 31 December 2566 |
    And "prasert" fires "present to the Chief Executive" on "Q1"
    Then "sunee" cannot fire "post for the public" on "Q1" because "presented" with:
      | posted at | notice board, Lampang PAO office |
    When today is 17 January 2567
    And "chaiwat" fires "acknowledge" on "Q1"
    And "sunee" fires "post for the public" on "Q1" with:
      | posted at | notice board, Lampang PAO office |
    Then the duty "quarterly performance report posted" of period "quarter 1" of fiscal year 2567 is done on time

    When today is 15 October 2567
    And "sunee" starts a "budget_report" case "RP2567" with:
      | kind of report | receipts-payments report |
      | end of the period reported | 30 September 2567 |
      | letter sending the copy to the Governor | LP 51004/150 |
    Then "prasert" cannot fire "present to the Chief Executive" on "RP2567" because "Provincial Treasury Office"
    When "prasert" fires "present to the Chief Executive" on "RP2567" with:
      | letter sending the copy to the Provincial Treasury Office | LP 51004/151 |
    When today is 17 October 2567
    And "chaiwat" fires "acknowledge" on "RP2567"
    Then "sunee" cannot fire "post for the public" on "RP2567" because "website" with:
      | posted at | notice board, Lampang PAO office |
    When today is 24 October 2567
    And "sunee" fires "post for the public" on "RP2567" with:
      | posted at | notice board, Lampang PAO office |
      | website address | https://www.lampangpao.go.th/finance/receipts-payments-2567 |
    Then the duty "receipts-payments report" in fiscal year 2567 stands:
      | period | status | due on |
      | fiscal year 2567 | done on time | 29 December 2567 |
    And the duty "receipts-payments report posted" in fiscal year 2567 stands:
      | period | status | due on |
      | fiscal year 2567 | done on time | 1 November 2567 |
    And the audit trail verifies
