Feature: The annual internal audit (integrity plan, project 29)
  Project 29 of the Lampang Provincial Administrative Organization's anti-corruption
  action plan, fiscal years B.E. 2566-2570: the annual internal audit plan project.
  Owner: the Internal Audit Unit. Target group: the nine units under the PAO and one
  school (Wor Kaew Witthaya School).

  Method step 5.1 (tag @plan-29-5.1): the annual internal audit plan is drafted, approved
  by the executive and sent to the provincial governor.
  Method step 5.2 (tag @plan-29-5.2): each auditee is notified with the approved plan and
  the date and time of the audit.
  Method step 5.3 (tag @plan-29-5.3): the internal audit unit meets before the fieldwork.
  Method step 5.4 (tag @plan-29-5.4): internal audit officers do the fieldwork.
  Method step 5.5 (tag @plan-29-5.5): after a second meeting the auditor drafts the report
  for the head of internal audit; the auditee confirms the findings, explains and comments.
  Method step 5.6 (tag @plan-29-5.6): the annual report goes to the executive, who gives
  orders on its recommendations.
  Method step 5.7 (tag @plan-29-5.7): the report with the executive's orders goes to the
  auditees.
  Method step 5.8 (tag @plan-29-5.8): the unit follows up and reports the follow-up to the
  executive.
  Output 1: an internal audit unit independent in its duties.

  The same scenarios as internal_audit.th.feature. One internal_audit_cycle case per fiscal
  year; each auditee's audit is an audit_engagement child case, and each recommendation an
  audit_recommendation child of its engagement. Units are written by their official Thai
  names, as the organization's systems record them: an auditee may be chosen by its
  English name, but an auditor's unit is compared with the Thai name.

  Background:
    Given today is 2 October 2566
    And "somsri" holds the role "head of internal audit" in the unit "หน่วยตรวจสอบภายใน"
    And "pranee" holds the role "internal auditor" in the unit "หน่วยตรวจสอบภายใน"
    And "kasem" holds the role "internal auditor" in the unit "หน่วยตรวจสอบภายใน"
    And "wichai" holds the role "internal auditor" in the unit "กองคลัง"
    And "sompong" holds the role "executive"
    And "somjai" holds the role "head of the auditee" in the unit "กองคลัง"
    And "wandee" holds the role "head of the auditee" in the unit "กองช่าง"
    And "anan" holds the role "head of the auditee" in the unit "กองพัสดุและทรัพย์สิน"
    And "prapa" holds the role "head of the auditee" in the unit "กองสาธารณสุข"
    And "malee" holds the role "head of the auditee" in the unit "โรงเรียนวอแก้ววิทยา"

  @plan-29-5.1 @plan-29-5.2 @plan-29-5.3 @plan-29-5.4 @plan-29-5.5 @plan-29-5.6 @plan-29-5.7 @plan-29-5.8
  Scenario: The internal audit of fiscal year 2567 over three auditees, from the plan to the final follow-up report
    The plan is approved and sent to the governor (step 5.1); three auditees are notified
    (step 5.2); the unit meets before the fieldwork (step 5.3); the fieldwork is done (step
    5.4); the auditees confirm the findings (step 5.5); the annual report waits until every
    auditee has confirmed, then the executive gives orders (step 5.6); the auditees are
    told (step 5.7); the unit follows up until every recommendation is closed and reports
    the follow-up (step 5.8).

    When "somsri" starts an "internal_audit_cycle" case "plan 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "propose the audit plan" with:
      | annual audit plan | Internal audit plan, fiscal year B.E. 2567 |
    And "sompong" fires "return the plan for revision" with:
      | revision note | add Wor Kaew Witthaya School to the plan |
    And "somsri" fires "propose the audit plan" with:
      | annual audit plan | Internal audit plan, fiscal year B.E. 2567 (revised) |
    Then "somsri" cannot start an "audit_engagement" case because "parent case" with:
      | auditee    | Finance Division |
      | auditor    | pranee           |
      | audit date | 6 November 2566  |
    And "somsri" cannot fire "approve the audit plan" on "plan 2567" because "executive"
    When "sompong" fires "approve the audit plan"
    And "somsri" fires "send the plan to the governor" with:
      | letter to the governor | LP 51001/123 |
    Then the case "plan 2567" is in state "auditing"
    And the case "plan 2567" has the data:
      | approved on              | 2 October 2566 |
      | sent to the governor on  | 2 October 2566 |

    When "somsri" starts an "audit_engagement" case "finance audit" with:
      | audit year | plan 2567        |
      | auditee    | Finance Division |
      | auditor    | pranee           |
      | audit date | 6 November 2566  |
      | audit time | 09:30            |
    And "somsri" starts an "audit_engagement" case "engineering audit" with:
      | audit year | plan 2567            |
      | auditee    | Engineering Division |
      | auditor    | kasem                |
      | audit date | 20 November 2566     |
    And "somsri" starts an "audit_engagement" case "school audit" with:
      | audit year | plan 2567                |
      | auditee    | Wor Kaew Witthaya School |
      | auditor    | pranee                   |
      | audit date | 4 December 2566          |
    Then "somsri" cannot start an "audit_engagement" case because "already in this year's audit plan" with:
      | audit year | plan 2567        |
      | auditee    | Finance Division |
      | auditor    | kasem            |
      | audit date | 11 December 2566 |
    When "somsri" fires "notify the auditee" on "finance audit" with:
      | notice letter       | LP 51001/W 201 |
      | head of the auditee | somjai         |
    And "somsri" fires "notify the auditee" on "engineering audit" with:
      | notice letter       | LP 51001/W 202 |
      | head of the auditee | wandee         |
    And "somsri" fires "notify the auditee" on "school audit" with:
      | notice letter       | LP 51001/W 203 |
      | head of the auditee | malee          |

    Given today is 1 November 2566
    When "somsri" fires "hold the pre-audit meeting" on "finance audit" with:
      | pre-audit meeting date | 1 November 2566                                         |
      | objectives             | correct receipts, payments and bookkeeping               |
      | scope                  | payment vouchers and revenue registers, fiscal year 2566 |
      | nature of the audit    | financial and compliance audit                           |
      | estimated days         | 5                                                        |
      | data and documents     | vouchers, receipts, control registers                    |
      | reporting method       | audit report to the head of internal audit               |
      | follow-up method       | every 3 months until done                                |
    And "somsri" fires "hold the pre-audit meeting" on "engineering audit" with:
      | pre-audit meeting date | 1 November 2566                              |
      | objectives             | supervision and acceptance of construction   |
      | scope                  | road construction projects, fiscal year 2566 |
      | nature of the audit    | performance audit                            |
      | estimated days         | 10                                           |
      | data and documents     | contracts, supervision logs, acceptance forms |
      | reporting method       | audit report to the head of internal audit   |
      | follow-up method       | every 3 months until done                    |
    And "somsri" fires "hold the pre-audit meeting" on "school audit" with:
      | pre-audit meeting date | 1 November 2566                                    |
      | objectives             | the school's money and supplies                    |
      | scope                  | per-pupil subsidies and supply register, year 2566 |
      | nature of the audit    | financial and compliance audit                     |
      | estimated days         | 3                                                  |
      | data and documents     | subsidy accounts, supply register                  |
      | reporting method       | audit report to the head of internal audit         |
      | follow-up method       | every 3 months until done                          |

    Given today is 6 November 2566
    When "pranee" fires "begin the fieldwork" on "finance audit" with:
      | worked for the auditee in the period | no |
    And "pranee" starts an "audit_recommendation" case "IA-67-01" with:
      | engagement            | finance audit                                            |
      | recommendation number | IA-67-01                                                 |
      | finding               | revenue deposited in the bank later than the rules allow |
      | recommendation        | deposit on the day of receipt and review every evening   |
    Given today is 20 November 2566
    When "kasem" fires "begin the fieldwork" on "engineering audit" with:
      | worked for the auditee in the period | no |

    Given today is 1 December 2566
    When "pranee" fires "submit the draft report" on "finance audit" with:
      | post-audit meeting date | 1 December 2566                            |
      | draft report            | draft audit report, Finance Division 1/2567 |
      | findings                | 3 late bank deposits                       |
    And "kasem" fires "submit the draft report" on "engineering audit" with:
      | post-audit meeting date | 1 December 2566                                |
      | draft report            | draft audit report, Engineering Division 2/2567 |
      | findings                | no material weakness found                     |
    And "somsri" fires "send the draft to the auditee" on "finance audit"
    And "somsri" fires "send the draft to the auditee" on "engineering audit"
    And "somjai" fires "confirm the findings" on "finance audit" with:
      | auditee explanations | noted; deposits will follow the rules |
    And "wandee" fires "confirm the findings" on "engineering audit"
    Then the case "finance audit" is in state "findings confirmed"
    And "somsri" cannot fire "submit the annual report" on "plan 2567" because "findings confirmed" with:
      | annual audit report | Internal audit report, fiscal year 2567 |
      | findings            | late bank deposits                      |
      | recommendations     | deposit on the day of receipt           |
    And the report "internal_audit_coverage" for fiscal year 2567 shows:
      | figure             | value                                                      |
      | auditees           | 10                                                         |
      | audited            | กองคลัง, กองช่าง                                            |
      | in progress        | โรงเรียนวอแก้ววิทยา                                          |
      | number not audited | 8                                                          |
      | coverage (%)       | 20                                                         |

    Given today is 4 December 2566
    When "pranee" fires "begin the fieldwork" on "school audit" with:
      | worked for the auditee in the period | no |
    Given today is 15 December 2566
    When "pranee" fires "submit the draft report" on "school audit" with:
      | post-audit meeting date | 15 December 2566                                    |
      | draft report            | draft audit report, Wor Kaew Witthaya School 3/2567 |
      | findings                | no material weakness found                          |
    And "somsri" fires "send the draft to the auditee" on "school audit"
    And "malee" fires "confirm the findings" on "school audit"

    Given today is 22 December 2566
    When "somsri" fires "submit the annual report" on "plan 2567" with:
      | annual audit report    | Internal audit report, fiscal year 2567 |
      | findings               | the Finance Division deposits late      |
      | problems and obstacles | few finance staff                       |
      | recommendations        | deposit on the day of receipt           |
    And "sompong" fires "order action" on "IA-67-01" with:
      | executive order    | the Finance Division follows the recommendation and reports back |
      | responsible person | somjai                                                           |
      | due date           | 31 March 2567                                                    |
    And "sompong" fires "give orders on the report" on "plan 2567" with:
      | executive orders | noted; every auditee acts on every recommendation |
    And "somsri" fires "send the report and orders to the auditees" on "plan 2567" with:
      | letter to the auditees | LP 51001/W 301 |
    And "somjai" fires "acknowledge and begin" on "IA-67-01" with:
      | action plan | bank deposit every day before 15:00, reviewed by the section head |
    And "kasem" fires "complete the follow-up" on "engineering audit" with:
      | follow-up summary | no recommendation to follow up |
    And "pranee" fires "complete the follow-up" on "school audit" with:
      | follow-up summary | no recommendation to follow up |
    Then "pranee" cannot fire "complete the follow-up" on "finance audit" because "still open" with:
      | follow-up summary | followed up |
    And "somsri" cannot fire "close the follow-up" on "plan 2567" because "followed up all its recommendations" with:
      | final follow-up report | all followed up |

    Given today is 1 February 2567
    When "pranee" fires "record a follow-up" on "IA-67-01" with:
      | follow-ups | January sample: every deposit made on the day of receipt |
    And "somsri" fires "report the follow-up to the executive" on "plan 2567" with:
      | follow-up reports | follow-up report 1: one recommendation in progress |
    Given today is 15 March 2567
    When "somjai" fires "report implementation" on "IA-67-01" with:
      | evidence of implementation | deposit slips, January to March 2567 |
    And "pranee" fires "verify and close" on "IA-67-01" with:
      | verification note | evidence checked; every deposit made on the day of receipt |
    And "pranee" fires "complete the follow-up" on "finance audit" with:
      | follow-up summary | recommendation IA-67-01 implemented |
    And "somsri" fires "close the follow-up" on "plan 2567" with:
      | final follow-up report | the auditees carried out every order |
    Then the case "plan 2567" is in state "closed"
    And the report "internal audit coverage" for fiscal year 2567 shows:
      | auditees             | 10                                             |
      | number audited       | 3                                              |
      | audited              | กองคลัง, กองช่าง, โรงเรียนวอแก้ววิทยา              |
      | in progress          | none                                           |
      | not in the plan      | สำนักปลัดองค์การบริหารส่วนจังหวัด, สำนักงานเลขานุการองค์การบริหารส่วนจังหวัด, กองยุทธศาสตร์และงบประมาณ, กองพัสดุและทรัพย์สิน, กองสาธารณสุข, กองการเจ้าหน้าที่, กองการศึกษา ศาสนาและวัฒนธรรม |
      | coverage (%)         | 30                                             |
      | all auditees audited | no                                             |
    And the report "audit recommendations" for fiscal year 2567 shows:
      | recommendations          | 1        |
      | open                     | none     |
      | closed                   | IA-67-01 |
      | age of IA-67-01 (days)   | 130      |
    And the audit trail of "plan 2567" records:
      | actor   | trigger                                    | from                    | to                      |
      | somsri  | start                                      |                         | drafting the plan       |
      | somsri  | propose the audit plan                     | drafting the plan       | plan proposed           |
      | sompong | return the plan for revision               | plan proposed           | drafting the plan       |
      | somsri  | propose the audit plan                     | drafting the plan       | plan proposed           |
      | sompong | approve the audit plan                     | plan proposed           | plan approved           |
      | somsri  | send the plan to the governor              | plan approved           | auditing                |
      | somsri  | submit the annual report                   | auditing                | annual report submitted |
      | sompong | give orders on the report                  | annual report submitted | orders given            |
      | somsri  | send the report and orders to the auditees | orders given            | following up            |
      | somsri  | report the follow-up to the executive      | following up            | following up            |
      | somsri  | close the follow-up                        | following up            | closed                  |
    And the audit trail verifies

  @plan-29-5.5 @plan-29-5.6
  Scenario: An auditee disputes a finding of the draft report (project 29, step 5.5)
    The auditor drafts the report for the head of internal audit, who sends it to the
    auditee to confirm. The auditee disputes a finding with an explanation; the auditor
    revises the draft and the recommendation found wrong is withdrawn. When the auditee
    disputes what remains, the head of internal audit maintains the findings with the
    explanation attached. The executive may give orders only on confirmed findings (step
    5.6).

    When "somsri" starts an "internal_audit_cycle" case "plan 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "propose the audit plan" with:
      | annual audit plan | Internal audit plan, fiscal year B.E. 2567 |
    And "sompong" fires "approve the audit plan"
    And "somsri" starts an "audit_engagement" case "procurement audit" with:
      | auditee    | Procurement and Assets Division |
      | auditor    | pranee                          |
      | audit date | 13 November 2566                |
    And "somsri" fires "notify the auditee" with:
      | notice letter       | LP 51001/W 204 |
      | head of the auditee | anan           |
    And "somsri" fires "hold the pre-audit meeting" with:
      | pre-audit meeting date | 6 November 2566                              |
      | objectives             | procurement and control of supplies          |
      | scope                  | specific-method procurement, fiscal year 2566 |
      | nature of the audit    | compliance audit                             |
      | estimated days         | 5                                            |
      | data and documents     | purchase requests, orders, supply registers  |
      | reporting method       | audit report to the head of internal audit   |
      | follow-up method       | every 3 months until done                    |
    Given today is 13 November 2566
    When "pranee" fires "begin the fieldwork" on "procurement audit" with:
      | worked for the auditee in the period | no |
    And "pranee" starts an "audit_recommendation" case "IA-67-11" with:
      | engagement            | procurement audit                                  |
      | recommendation number | IA-67-11                                           |
      | finding               | 2 received items not entered in the supply register |
      | recommendation        | enter every item in the register on acceptance     |
    And "pranee" starts an "audit_recommendation" case "IA-67-12" with:
      | engagement            | procurement audit                                   |
      | recommendation number | IA-67-12                                            |
      | finding               | acceptance committee appointed without enough members |
      | recommendation        | appoint acceptance committees as the rules require  |
    And "pranee" fires "submit the draft report" on "procurement audit" with:
      | post-audit meeting date | 20 November 2566                                                |
      | draft report            | draft audit report, Procurement and Assets Division 4/2567       |
      | findings                | 1. supply register incomplete 2. acceptance committee incomplete |
    Then "pranee" cannot fire "send the draft to the auditee" on "procurement audit" because "head of internal audit"
    When "somsri" fires "send the draft to the auditee" on "procurement audit" with:
      | review note | draft approved; send to the auditee to confirm |
    Then "wandee" cannot fire "dispute a finding" on "procurement audit" because "head of the auditee" with:
      | disputed finding     | item 2                              |
      | auditee explanations | not a matter for the Engineering Division |
    When "anan" fires "dispute a finding" on "procurement audit" with:
      | disputed finding     | item 2, acceptance committee incomplete                                        |
      | auditee explanations | the amended order of 1 March 2566 names 3 members; a copy is attached |
    Then the case "procurement audit" is in state "finding disputed"
    And "sompong" cannot fire "order action" on "IA-67-11" because "confirm the findings" with:
      | executive order    | act on the recommendation |
      | responsible person | anan                      |
      | due date           | 31 January 2567           |
    When "pranee" fires "revise the draft" on "procurement audit" with:
      | revision of the draft | finding 2 removed after the amended order the auditee produced |
    And "somsri" fires "withdraw" on "IA-67-12" with:
      | reason for withdrawal | the auditee showed the committee had enough members |
    And "somsri" fires "send the draft to the auditee" on "procurement audit"
    And "anan" fires "dispute a finding" on "procurement audit" with:
      | disputed finding     | item 1, supply register incomplete                      |
      | auditee explanations | the 2 items are being returned to the seller, not entered |
    And "somsri" fires "maintain the findings" on "procurement audit" with:
      | reason to maintain the findings | accepted items are entered at once even if returned later; the explanation is attached |
    Then the case "procurement audit" is in state "findings confirmed"
    And the case "IA-67-12" is in state "withdrawn"
    And "sompong" may fire "order action" on "IA-67-11"
    And the case "procurement audit" has the data:
      | disputed finding | item 1, supply register incomplete |
      | confirmed on     | 13 November 2566                   |
    And the audit trail of "procurement audit" records:
      | actor  | trigger                       | from                  | to                    | outcome |
      | pranee | submit the draft report       | fieldwork             | draft reported        | moved   |
      | pranee | send the draft to the auditee | draft reported        |                       | refused |
      | somsri | send the draft to the auditee | draft reported        | awaiting confirmation | moved   |
      | wandee | dispute a finding             | awaiting confirmation |                       | refused |
      | anan   | dispute a finding             | awaiting confirmation | finding disputed      | moved   |
      | pranee | revise the draft              | finding disputed      | draft reported        | moved   |
      | somsri | send the draft to the auditee | draft reported        | awaiting confirmation | moved   |
      | anan   | dispute a finding             | awaiting confirmation | finding disputed      | moved   |
      | somsri | maintain the findings         | finding disputed      | findings confirmed    | moved   |
    And the audit trail verifies

  @plan-29-5.4
  Scenario: An auditor of the auditee's own unit, or who worked for it in the period, may not do its fieldwork (project 29, step 5.4)
    The project's output is an independent internal audit unit. An auditor of the Finance
    Division may not audit the Finance Division. An auditor who worked for the auditee in
    the period must declare a conflict, and once declared may not audit it, even if
    assigned again.

    When "somsri" starts an "internal_audit_cycle" case "plan 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "propose the audit plan" with:
      | annual audit plan | Internal audit plan, fiscal year B.E. 2567 |
    And "sompong" fires "approve the audit plan"
    And "somsri" starts an "audit_engagement" case "finance audit" with:
      | auditee    | Finance Division |
      | auditor    | wichai           |
      | audit date | 6 November 2566  |
    And "somsri" fires "notify the auditee" with:
      | notice letter       | LP 51001/W 201 |
      | head of the auditee | somjai         |
    And "somsri" fires "hold the pre-audit meeting" with:
      | pre-audit meeting date | 2 October 2566                             |
      | objectives             | correct receipts, payments and bookkeeping |
      | scope                  | payment vouchers, fiscal year 2566         |
      | nature of the audit    | financial audit                            |
      | estimated days         | 5                                          |
      | data and documents     | vouchers, receipts                         |
      | reporting method       | audit report to the head of internal audit |
      | follow-up method       | every 3 months                             |
    Then "wichai" cannot fire "begin the fieldwork" because "conflict of interest" with:
      | worked for the auditee in the period | no |
    And "pranee" cannot fire "begin the fieldwork" because "only the assigned auditor" with:
      | worked for the auditee in the period | no |
    When "somsri" fires "assign another auditor" with:
      | auditor | kasem |
    Then "kasem" cannot fire "begin the fieldwork" because "must declare a conflict" with:
      | worked for the auditee in the period | yes |
    When "kasem" fires "declare a conflict" with:
      | conflict declarations | seconded to the Finance Division's accounts, January to March 2566 |
    Then the case is in state "awaiting another auditor"
    When "somsri" fires "assign another auditor" with:
      | auditor | kasem |
    Then "kasem" cannot fire "begin the fieldwork" because "declared a conflict with the auditee" with:
      | worked for the auditee in the period | no |
    When "somsri" fires "assign another auditor" with:
      | auditor | pranee |
    And "pranee" fires "begin the fieldwork" with:
      | worked for the auditee in the period | no |
    Then the case is in state "fieldwork"
    And the case has the data:
      | auditor               | pranee                                                            |
      | conflict declarations | seconded to the Finance Division's accounts, January to March 2566 |
      | fieldwork started on  | 2 October 2566                                                    |
    And the audit trail of "finance audit" records:
      | actor  | trigger                | from                     | to                       | outcome |
      | wichai | begin the fieldwork    | prepared                 |                          | refused |
      | pranee | begin the fieldwork    | prepared                 |                          | refused |
      | somsri | assign another auditor | prepared                 | prepared                 | moved   |
      | kasem  | begin the fieldwork    | prepared                 |                          | refused |
      | kasem  | declare a conflict     | prepared                 | awaiting another auditor | moved   |
      | somsri | assign another auditor | awaiting another auditor | prepared                 | moved   |
      | kasem  | begin the fieldwork    | prepared                 |                          | refused |
      | somsri | assign another auditor | prepared                 | prepared                 | moved   |
      | pranee | begin the fieldwork    | prepared                 | fieldwork                | moved   |
    And the audit trail verifies

  @plan-29-5.6 @plan-29-5.7 @plan-29-5.8
  Scenario: A recommendation followed up to closure, overdue on the way, aged in the report (project 29, steps 5.6 to 5.8)
    The executive orders the recommendation with a responsible person and a due date (step
    5.6); the person ordered acknowledges it (step 5.7); the internal audit unit follows it
    up from time to time, the system marks it overdue once the due date has passed, and
    the auditor checks the evidence, asks for more or closes it (step 5.8). The report
    shows the recommendations still open, those overdue, and each one's age in days since
    it was recorded.

    When "somsri" starts an "internal_audit_cycle" case "plan 2567" with:
      | fiscal year | 2567 |
    And "somsri" fires "propose the audit plan" with:
      | annual audit plan | Internal audit plan, fiscal year B.E. 2567 |
    And "sompong" fires "approve the audit plan"
    And "somsri" starts an "audit_engagement" case "public health audit" with:
      | auditee    | Public Health Division |
      | auditor    | pranee                 |
      | audit date | 15 November 2566       |
    And "somsri" fires "notify the auditee" with:
      | notice letter       | LP 51001/W 205 |
      | head of the auditee | prapa          |
    And "somsri" fires "hold the pre-audit meeting" with:
      | pre-audit meeting date | 2 October 2566                               |
      | objectives             | fee collection and control of medical supplies |
      | scope                  | fiscal year 2566                              |
      | nature of the audit    | compliance audit                              |
      | estimated days         | 3                                             |
      | data and documents     | receipts, medical supply register             |
      | reporting method       | audit report to the head of internal audit    |
      | follow-up method       | monthly until done                            |
    Given today is 15 November 2566
    When "pranee" fires "begin the fieldwork" with:
      | worked for the auditee in the period | no |
    And "pranee" starts an "audit_recommendation" case "IA-67-21" with:
      | engagement            | public health audit                                    |
      | recommendation number | IA-67-21                                               |
      | finding               | the medical supply register differs from the stock     |
      | recommendation        | count the stock every month and correct the register   |
    And "pranee" fires "submit the draft report" on "public health audit" with:
      | post-audit meeting date | 15 November 2566                                 |
      | draft report            | draft audit report, Public Health Division 5/2567 |
      | findings                | supply register differs from the stock           |
    And "somsri" fires "send the draft to the auditee"
    And "prapa" fires "confirm the findings"
    Given today is 20 November 2566
    When "sompong" fires "order action" on "IA-67-21" with:
      | executive order    | count the medical supplies and correct the register |
      | responsible person | prapa                                              |
      | due date           | 15 January 2567                                    |
    Then "wandee" cannot fire "acknowledge and begin" because "responsible person" with:
      | action plan | count the supplies |
    When "prapa" fires "acknowledge and begin" with:
      | action plan | a working group counts the supplies at every month end |
    Given today is 20 December 2566
    And "pranee" fires "record a follow-up" with:
      | follow-ups | November counted; register not fully corrected yet |
    Given today is 15 January 2567
    Then the case is in state "in progress"
    When 1 day passes
    Then the case is in state "overdue"
    Given today is 1 February 2567
    Then the report "audit_recommendations" for fiscal year 2567 shows:
      | recommendations        | 1        |
      | open                   | IA-67-21 |
      | overdue                | IA-67-21 |
      | oldest open (days)     | 78       |
      | age of IA-67-21 (days) | 78       |
    When "pranee" fires "record a follow-up" with:
      | follow-ups | asked for the overdue result |
    And "prapa" fires "report implementation" with:
      | evidence of implementation | December count report |
    And "pranee" fires "return for further action" with:
      | verification note | the register is not yet corrected to the count |
    And "prapa" fires "report implementation" with:
      | evidence of implementation | corrected register and the January count report |
    Given today is 1 March 2567
    When "pranee" fires "verify and close" with:
      | verification note | sample count matches the register |
    Then the case "IA-67-21" is in state "closed"
    And the case "IA-67-21" has the data:
      | ordered on           | 20 November 2566 |
      | last followed up on  | 1 February 2567  |
      | closed on            | 1 March 2567     |
    And the report "audit_recommendations" for fiscal year 2567 shows:
      | open                   | none     |
      | number closed          | 1        |
      | closed                 | IA-67-21 |
      | overdue                | none     |
      | age of IA-67-21 (days) | 107      |
    And the audit trail of "IA-67-21" records:
      | actor  | trigger                   | from        | to          |
      | pranee | start                     |             | open        |
      | sompong| order action              | open        | ordered     |
      | prapa  | acknowledge and begin     | ordered     | in progress |
      | pranee | record a follow-up        | in progress | in progress |
      | system | mark overdue              | in progress | overdue     |
      | pranee | record a follow-up        | overdue     | overdue     |
      | prapa  | report implementation     | overdue     | implemented |
      | pranee | return for further action | implemented | in progress |
      | prapa  | report implementation     | in progress | implemented |
      | pranee | verify and close          | implemented | closed      |
    And the audit trail verifies
