Feature: Corruption complaints and the protection of complainants (plan projects 33 and 34)
  Measure: handling cases where corruption becomes known, is reported or is detected
  (project 33), and measure: a system and channels for receiving corruption complaints
  (project 34), of the Lampang PAO anti-corruption action plan, fiscal years B.E. 2566-2570.
  The English twin of complaints.th.feature: the same scenarios, named in English.

  Project 33, method
  5.1 (@plan-33-5.1): set the complaint channels and the officers responsible.
  5.2 (@plan-33-5.2): set the process and steps for filing complaints.
  5.3 (@plan-33-5.3): announce the complaint process to staff and the public.
  5.4 (@plan-33-5.4): set the process for handling complaints about officials' corruption.
  5.5 (@plan-33-5.5): set the process and steps for punishing wrongdoers.
  5.6 (@plan-33-5.6): a channel to follow a complaint oneself, with progress reported to
  the complainant.
  5.7 (@plan-33-5.7): an effective process for following up and checking wrongdoers.
  5.8 (@plan-33-5.8): a handling manual, apart from the general complaints manual, with at
  least how to complain, the steps, the unit and officers in charge, and the time frames.
  5.9 (@plan-33-5.9): train the complaint officers.
  5.10 (@plan-33-5.10): prepare statistics of corruption complaints.
  5.11 (@plan-33-5.11): report the results.

  Project 34, method
  5.1 (@plan-34-5.1): an online complaint channel, apart from the general channels to protect
  whistleblowers' data, with self-tracking and progress reported to the complainant.
  5.2 (@plan-34-5.2): officers responsible for acting lawfully on complaints.
  5.3 (@plan-34-5.3): publicise the complaint channels to staff and the public.
  5.4 (@plan-34-5.4): prepare and publish complaint statistics on the main website.
  5.5 (@plan-34-5.5): report the results to the executives.

  The plan writes the measures, not a procedure: the corruption_complaint flow is our
  reading of them (acknowledgement, screening, assignment, fact-finding, the disciplinary
  steps, and a time frame for each as a setting), not the plan's words. The complainant
  follows the complaint with the tracking code only; their name and contact are encrypted
  and every reading of them is recorded.

  Background:
    Given today is 2 October 2566
    And "web-form" holds the role "online corruption complaint channel"
    And "kanda" holds the roles "complaint officer" and "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "sompong" holds the role "executive" in the unit "Office of the PAO Permanent Secretary"
    And "prasert" holds the role "executive"
    And "somsak" holds the role "fact-finding officer" in the unit "Public Works Division"
    And "pranee" holds the role "fact-finding officer" in the unit "Finance Division"
    And "wilai" holds the role "fact-finding officer" in the unit "Legal Affairs Division"
    And "manop" holds the role "disciplinary inquiry committee" in the unit "Personnel Division"
    And "somchai" belongs to the unit "Public Works Division"

  @plan-34-5.1 @plan-33-5.2 @plan-33-5.6 @plan-33-5.4 @plan-33-5.1 @plan-34-5.2 @plan-33-5.7
  Scenario: An anonymous online complaint, followed with its tracking code until it is closed
    The complainant files through the online channel kept apart from the general ones,
    without a name (34/5.1), receives a tracking code once, and with it follows the stage
    and reads the organization's messages (33/5.6), never seeing an officer's name.

    When "web-form" starts a "corruption_complaint" case "C1" with:
      | channel           | online form                                                    |
      | anonymous         | yes                                                            |
      | kind of submission | tip                                                           |
      | topic             | bribery                                                        |
      | complaint details | a Public Works officer asks for money to speed up a building permit |
    Then the complainant holds a tracking code
    And the case is in state "received"
    When the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "received"
    When 2 days pass
    And "kanda" fires "acknowledge" with:
      | message to the complainant | We have received your complaint and will screen it within 15 days |
    And "kanda" fires "accept as a corruption complaint" with:
      | accused official           | somchai                                             |
      | accused's unit             | Public Works Division                               |
      | accused's position         | PAO official                                        |
      | topic confirmed at screening | bribery                                           |
      | screening note             | bribery by staff, within our authority              |
      | message to the complainant | Your complaint is a corruption matter within our authority |
    And "sompong" fires "assign the fact-finding" with:
      | assigned investigator | pranee  |
      | assignment order      | 12/2567 |
    And "pranee" fires "take up the fact-finding" with:
      | message to the complainant | The fact-finding has begun |
    When the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "fact-finding under way"
    And the complainant sees the message "We have received your complaint"
    And the complainant does not see "pranee"
    And the complainant does not see "somchai"
    And the complainant does not see "fact_finding"
    When 30 days pass
    And "pranee" fires "report the complaint unfounded" with:
      | findings                   | the permit file was checked: no payment was asked for |
      | message to the complainant | The fact-finding found no ground for the complaint    |
    And "kanda" fires "close and tell the complainant" with:
      | message to the complainant | Closed. Thank you for the tip |
    And the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "closed"
    And the complainant sees the message "found no ground for the complaint"
    And the complainant sees the message "Thank you for the tip"
    And the audit trail records:
      | actor    | trigger                            | from                           | to                             |
      | web-form | start                              |                                | received                       |
      | kanda    | acknowledge                        | received                       | acknowledged, being screened   |
      | kanda    | accept as a corruption complaint   | acknowledged, being screened   | accepted as a corruption complaint |
      | sompong  | assign the fact-finding            | accepted as a corruption complaint | fact-finding assigned      |
      | pranee   | take up the fact-finding           | fact-finding assigned          | fact-finding under way         |
      | pranee   | report the complaint unfounded     | fact-finding under way         | found unfounded                |
      | kanda    | close and tell the complainant     | found unfounded                | closed                         |
    And the audit trail verifies

  @plan-34-5.1 @plan-33-5.1 @plan-33-5.2
  Scenario: A named complaint whose name and telephone never show in the audit trail
    The complaint officer records a complaint received by letter. The complainant's name and
    contact are encrypted, readable only by the roles the flow names, with a reason, and
    every reading or refused reading is recorded (whistleblower protection, 34/5.1).

    When "kanda" starts a "corruption_complaint" case "C2" with:
      | channel                             | letter                                         |
      | complainant name                    | Mr Sompong Jaidee                              |
      | complainant telephone               | 081 234 5678                                   |
      | topic                               | procurement                                    |
      | complaint details                   | building materials bought above market prices |
      | person complained about (as given)  | the head of the supplies section               |
    Then the complainant holds a tracking code
    And "Sompong Jaidee" appears nowhere in the audit trail
    And "081 234 5678" appears nowhere in the audit trail
    And "head of the supplies section" appears nowhere in the audit trail
    And "kanda" cannot start a "corruption_complaint" case because "complainant name" with:
      | channel           | telephone                          |
      | complaint details | materials bought at unusual prices |
    And "web-form" cannot start a "corruption_complaint" case because "online complaints only" with:
      | channel           | telephone                          |
      | anonymous         | yes                                |
      | complaint details | materials bought at unusual prices |
    When "kanda" reveals "complainant name" on "C2" because "to ask for the documents" and reads "Mr Sompong Jaidee"
    Then "sompong" cannot reveal "complainant name" on "C2" because "complaint officer"
    And "pranee" cannot reveal "complainant telephone" on "C2" because "assigned fact-finder"
    And the audit trail of "C2" records:
      | actor   | trigger | from     | to       | outcome |
      | kanda   | start   |          | received | moved   |
      | kanda   | reveal  | received |          | read    |
      | sompong | reveal  | received |          | refused |
      | pranee  | reveal  | received |          | refused |
    And "Sompong Jaidee" appears nowhere in the audit trail
    And "081 234 5678" appears nowhere in the audit trail
    And the audit trail verifies

  @plan-33-5.1 @plan-34-5.2 @plan-33-5.4
  Scenario: An officer of the accused's own unit, or with a declared conflict, cannot take the case up
    The officer who finds the facts may not belong to the accused's unit, may not be the
    accused, and may not have declared a conflict of interest in the case (34/5.2: acting
    lawfully on complaints).

    When "web-form" starts a "corruption_complaint" case "C3" with:
      | channel           | online form                                   |
      | anonymous         | yes                                           |
      | complaint details | a site inspector takes money from a contractor |
    And "kanda" fires "acknowledge" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" with:
      | accused official           | somchai                           |
      | accused's unit             | Public Works Division             |
      | accused's position         | permanent or contract employee    |
      | topic confirmed at screening | bribery                         |
      | screening note             | grounds for a fact-finding        |
      | message to the complainant | accepted as a corruption complaint |
    Then "sompong" cannot fire "assign the fact-finding" because "may not be the accused" with:
      | assigned investigator | somchai |
      | assignment order      | 13/2567 |
    And "sompong" cannot fire "assign the fact-finding" because "conflict of interest" with:
      | assigned investigator | somsak  |
      | assignment order      | 13/2567 |
    When "sompong" fires "assign the fact-finding" with:
      | assigned investigator | pranee  |
      | assignment order      | 13/2567 |
    Then "somsak" cannot fire "take up the fact-finding" because "conflict of interest" with:
      | message to the complainant | the fact-finding has begun |
    And the case is in state "fact-finding assigned"
    When "kanda" fires "record a declared conflict of interest" with:
      | declared conflicts of interest | pranee |
    Then "sompong" cannot fire "assign the fact-finding" because "declared conflicts of interest" with:
      | assigned investigator | pranee  |
      | assignment order      | 14/2567 |
    When "sompong" fires "assign the fact-finding" with:
      | assigned investigator | wilai   |
      | assignment order      | 14/2567 |
    And "wilai" fires "take up the fact-finding" with:
      | message to the complainant | the fact-finding has begun |
    Then the case is in state "fact-finding under way"
    And the audit trail records:
      | actor   | trigger                   | from                               | to                     | outcome |
      | sompong | assign the fact-finding   | accepted as a corruption complaint | fact-finding assigned  | moved   |
      | somsak  | take up the fact-finding  | fact-finding assigned              |                        | refused |
      | wilai   | take up the fact-finding  | fact-finding assigned              | fact-finding under way | moved   |
    And the audit trail verifies

  @plan-33-5.8 @plan-33-5.6
  Scenario: A complaint not acknowledged within 15 days is escalated when the deadline passes
    Each stage's time frame is a setting of the flow, which the manual publishes (33/5.8 (4)).
    Once the acknowledgement is late, the system escalates it to the executives, and that
    is recorded in the audit trail.

    When "kanda" starts a "corruption_complaint" case "C4" with:
      | channel           | telephone                                  |
      | anonymous         | yes                                        |
      | complaint details | fuel for the pool car is claimed above use |
    And 14 days pass
    Then the case is in state "received"
    When 1 day passes
    Then the case is in state "acknowledgement overdue"
    And the audit trail records:
      | actor  | trigger                            | from     | to                      |
      | system | escalate the late acknowledgement  | received | acknowledgement overdue |
    When the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "acknowledgement overdue"
    When 1 day passes
    And "kanda" fires "acknowledge" with:
      | message to the complainant | Sorry for the delay: we have received your complaint |
    Then the case is in state "acknowledged, being screened"
    And the report "complaint_statistics" for fiscal year 2567 shows:
      | figure                          | value |
      | complaints received             | 1     |
      | escalated                       | 1     |
      | acknowledge: count              | 1     |
      | acknowledge: longest days       | 16    |
      | acknowledge: within the time frame | 0  |
    And the audit trail verifies

  @plan-33-5.7 @plan-33-5.5 @plan-33-5.6
  Scenario: A substantiated complaint goes through the disciplinary steps to a penalty, and the complainant is told
    The fact-finding finds grounds; the executive appoints a disciplinary inquiry, the
    committee reports, and the executive imposes a penalty or dismisses the charge (the
    process of punishing wrongdoers, 33/5.5).

    When "kanda" starts a "corruption_complaint" case "C5" with:
      | channel           | in person                                       |
      | complainant name  | Ms Malee Srisuk                                 |
      | topic             | abuse of official power                         |
      | complaint details | an officer accepted road works not yet finished |
    And "kanda" fires "acknowledge" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" with:
      | accused official           | somchai                            |
      | accused's unit             | Public Works Division              |
      | accused's position         | PAO official                       |
      | topic confirmed at screening | abuse of official power          |
      | screening note             | grounds for a fact-finding         |
      | message to the complainant | accepted as a corruption complaint |
    And "sompong" fires "assign the fact-finding" with:
      | assigned investigator | pranee  |
      | assignment order      | 15/2567 |
    And "pranee" fires "take up the fact-finding" with:
      | message to the complainant | the fact-finding is under way |
    And 20 days pass
    And "pranee" fires "report the complaint substantiated" with:
      | findings                   | the works were accepted before they were finished |
      | message to the complainant | The complaint has grounds and goes to the disciplinary process |
    Then "pranee" cannot fire "appoint the disciplinary inquiry" because "executive" with:
      | inquiry order | 20/2567 |
    When "sompong" fires "appoint the disciplinary inquiry" with:
      | inquiry order | 20/2567 |
    And 60 days pass
    And "manop" fires "report the inquiry" with:
      | inquiry report | a minor disciplinary offence of negligence |
    Then "pranee" cannot fire "impose a penalty" because "executive" with:
      | penalty                    | pay cut     |
      | penalty order              | 30/2567     |
      | message to the complainant | penalised   |
    When "sompong" fires "impose a penalty" with:
      | penalty                    | pay cut                                           |
      | penalty order              | 30/2567                                           |
      | message to the complainant | The official complained about has been penalised by order |
    And "kanda" fires "close and tell the complainant" with:
      | message to the complainant | Closed. Thank you for your complaint |
    And the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "closed"
    And the complainant sees the message "has been penalised"
    And the complainant does not see "manop"
    And "Malee" appears nowhere in the audit trail
    And the audit trail records:
      | actor   | trigger                            | from                                            | to                                              |
      | pranee  | report the complaint substantiated | fact-finding under way                          | substantiated, sent to the disciplinary process |
      | sompong | appoint the disciplinary inquiry   | substantiated, sent to the disciplinary process | disciplinary inquiry under way                  |
      | manop   | report the inquiry                 | disciplinary inquiry under way                  | inquiry reported, awaiting the decision         |
      | sompong | impose a penalty                   | inquiry reported, awaiting the decision         | penalty imposed                                 |
      | kanda   | close and tell the complainant     | penalty imposed                                 | closed                                          |
    And the audit trail verifies

  @plan-33-5.5 @plan-33-5.7
  Scenario: A serious breach: the Chief Executive orders an expulsion only on the provincial personnel committee's resolution, and as it resolved
    A dismissal or an expulsion of a PAO official is ordered by the Chief Executive on the
    resolution of the provincial personnel committee (ก.จ.จ.; its announcement on discipline
    under the general standard on discipline of B.E. 2558): the inquiry goes to the
    committee, its resolution is recorded first, and the order follows the resolution.

    When "kanda" starts a "corruption_complaint" case "C8" with:
      | channel           | in person                                          |
      | complainant name  | Mr Prayoon Thongdee                                |
      | complainant is    | personnel of the organization                      |
      | topic             | bribery                                            |
      | complaint details | an officer takes money from a contractor to accept the works |
    And "kanda" fires "acknowledge" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" with:
      | accused official             | somchai                            |
      | accused's unit               | Public Works Division              |
      | accused's position           | PAO official                       |
      | topic confirmed at screening | bribery                            |
      | screening note               | grounds for a fact-finding         |
      | message to the complainant   | accepted as a corruption complaint |
    And "sompong" fires "assign the fact-finding" with:
      | assigned investigator | pranee  |
      | assignment order      | 17/2567 |
    And "pranee" fires "take up the fact-finding" with:
      | message to the complainant | fact-finding under way |
    And "pranee" fires "report the complaint substantiated" with:
      | findings                   | transfers from the contractor were found               |
      | message to the complainant | substantiated; sent to the disciplinary process |
    And "sompong" fires "appoint the disciplinary inquiry" with:
      | inquiry order | 21/2567 |
    And "manop" fires "report the inquiry" with:
      | inquiry report | a serious breach of discipline: corruption in office |
    Then "sompong" cannot fire "impose a penalty" because "needs the resolution of the provincial personnel committee first" with:
      | penalty                    | expulsion |
      | penalty order              | 31/2567   |
      | message to the complainant | penalized |
    When "sompong" fires "send to the provincial personnel committee" with:
      | letter to the provincial personnel committee | LP 51001/200 |
    And "kanda" fires "record the personnel committee's resolution" with:
      | resolution of the provincial personnel committee      | meeting 1/2567 of 31 January 2567 |
      | penalty resolved by the provincial personnel committee | expulsion                        |
    Then "sompong" cannot fire "impose a penalty" because "must impose the penalty the provincial personnel committee resolved" with:
      | penalty                    | dismissal |
      | penalty order              | 31/2567   |
      | message to the complainant | penalized |
    And "sompong" cannot fire "dismiss the charge" because "which the order must impose" with:
      | reason for dismissing the charge | no breach  |
      | message to the complainant       | closed     |
    When "sompong" fires "impose a penalty" with:
      | penalty                    | expulsion                                   |
      | penalty order              | 31/2567                                     |
      | message to the complainant | the accused was penalized by order          |
    Then the case is in state "penalty imposed"
    And the audit trail records:
      | actor   | trigger                                     | from                                                                  | to                                                                    | outcome |
      | sompong | impose a penalty                            | inquiry reported, awaiting the decision                               |                                                                       | refused |
      | sompong | send to the provincial personnel committee  | inquiry reported, awaiting the decision                               | sent to the provincial personnel committee, awaiting its resolution   | done    |
      | kanda   | record the personnel committee's resolution | sent to the provincial personnel committee, awaiting its resolution   | resolved by the provincial personnel committee, awaiting the order    | done    |
      | sompong | impose a penalty                            | resolved by the provincial personnel committee, awaiting the order    |                                                                       | refused |
      | sompong | dismiss the charge                          | resolved by the provincial personnel committee, awaiting the order    |                                                                       | refused |
      | sompong | impose a penalty                            | resolved by the provincial personnel committee, awaiting the order    | penalty imposed                                                       | done    |
    And the audit trail verifies

  @plan-33-5.4 @plan-33-5.6
  Scenario: A complaint about the local executive is outside our authority and referred to the NACC
    The official complained about holds political office: the organization may not
    investigate the matter itself but refers it to the competent body, and the accused may
    neither refer it nor route it as a general complaint (Organic Act on Anti-Corruption
    B.E. 2561, section 28). It cannot be accepted as the organization's own complaint, and
    it goes only to the NACC or to the provincial governor.

    When "web-form" starts a "corruption_complaint" case "C6" with:
      | channel           | online form                                           |
      | anonymous         | yes                                                   |
      | complaint details | the executive orders the same contractor chosen every time |
    And "kanda" fires "acknowledge" with:
      | message to the complainant | received |
    Then "prasert" cannot fire "route as a general complaint" because "separation of duties" with:
      | accused official           | prasert                    |
      | routed to                  | general complaints centre  |
      | screening note             | not a corruption matter    |
      | message to the complainant | routed as a general matter |
    And "kanda" cannot fire "accept as a corruption complaint" because "must be referred to the competent body" with:
      | accused official             | prasert                                |
      | accused's unit               | Office of the PAO Permanent Secretary  |
      | accused's position           | Chief Executive                        |
      | topic confirmed at screening | procurement                            |
      | screening note               | grounds for a fact-finding             |
      | message to the complainant   | accepted as a corruption complaint     |
    And "kanda" cannot fire "refer to the competent body" because "goes to the NACC or the provincial governor" with:
      | accused official             | prasert                              |
      | accused's position           | Chief Executive                      |
      | topic confirmed at screening | procurement                          |
      | referred to                  | State Audit Office                   |
      | referral letter              | LP 51001/122                         |
      | screening note               | procurement to be audited            |
      | message to the complainant   | referred to the State Audit Office   |
    And the case is in state "acknowledged, being screened"
    When "kanda" fires "refer to the competent body" with:
      | accused official           | prasert                                            |
      | accused's position         | Chief Executive                                    |
      | topic confirmed at screening | procurement                                      |
      | referred to                | NACC                                               |
      | referral letter            | LP 51001/123                                       |
      | screening note             | the accused holds political office: a matter for the NACC |
      | message to the complainant | Your complaint is outside our authority and was referred to the NACC |
    Then the case is in state "referred to the competent body"
    And the case has the data:
      | referred to     | NACC         |
      | referral letter | LP 51001/123 |
    And "sompong" cannot fire "assign the fact-finding" because "referred to the competent body" with:
      | assigned investigator | pranee  |
      | assignment order      | 16/2567 |
    When the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "referred to the competent body"
    And the complainant sees the message "was referred to the NACC"
    When "kanda" fires "close and tell the complainant" with:
      | message to the complainant | Closed on our side; follow it up with the NACC |
    Then the report "complaint_statistics" for fiscal year 2567 shows:
      | figure                          | value |
      | outside our authority, referred | 1     |
      | corruption complaints confirmed at screening | 1 |
      | topic: procurement              | 1     |
      | referred to the competent body  | 1     |
      | stage: closed                   | 1     |
    And the audit trail verifies

  @plan-34-5.1 @plan-33-5.6
  Scenario: A wrong tracking code finds nothing, malformed or unknown
    The tracking code is the only link between a complainant and the complaint; any wrong
    code gets the same plain answer: nothing was found.

    When "web-form" starts a "corruption_complaint" case "C7" with:
      | channel           | online form                                  |
      | anonymous         | yes                                          |
      | complaint details | purchases split to avoid a bidding procedure |
    Then the complainant holds a tracking code
    And following with the code "12345-67890-12345-67890-12345" finds nothing
    And following with the code "๑๒๓๔๕-๖๗๘๙๐" finds nothing
    And following with the code "C7" finds nothing
    When the complainant follows the complaint with the tracking code
    Then the complainant sees the stage "received"
    And the audit trail verifies

  @plan-33-5.1 @plan-34-5.1 @plan-34-5.2 @plan-33-5.3 @plan-34-5.3 @plan-33-5.8 @plan-33-5.9 @plan-33-5.10 @plan-34-5.4 @plan-33-5.11 @plan-34-5.5
  Scenario: The measures of fiscal year 2567, from setting the channels to the executives' acknowledgement, with the statistics
    One complaint_measure case per fiscal year: channels and officers set (33/5.1), the
    process announced (33/5.3), the channels publicised (34/5.3), the manual written from
    the flow published (33/5.8), officers trained (33/5.9), statistics prepared and published
    (33/5.10, 34/5.4), results reported (33/5.11) and acknowledged by the executives
    (34/5.5). The statistics are computed from the year's complaints, with no personal data.
    Publicising a channel after the training does not send the case back. The corruption
    figures count the topic confirmed at screening, not the complainant's own tag, and leave
    the general complaints out.

    When "kanda" starts a "complaint_measure" case "M2567" with:
      | fiscal year | 2567 |
    And "kanda" fires "set the channels and officers" with:
      | complaint channels            | the corruption complaint page of the main website, apart from the general channels |
      | order appointing the officers | order 10/2567                                                                      |
    And "kanda" fires "publish the complaint process" with:
      | announcement of the process | announcement 5/2567        |
      | publicity channels          | the Lampang PAO website     |
    And "kanda" fires "publish the handling manual" with:
      | digest of the flow the manual is written from | corruption_complaint version 1 |
      | where the manual is published                 | website, anti-corruption page  |
    And "kanda" fires "record the officers' training" with:
      | training date    | 20 October 2566 |
      | officers trained | 12              |
    And "kanda" fires "record publicity of the channels" with:
      | publicity channels | the office notice board |
    Then the case is in state "officers trained"
    And "kanda" cannot fire "publish the handling manual" because "officers trained" with:
      | digest of the flow the manual is written from | corruption_complaint version 1 |
      | where the manual is published                 | website, anti-corruption page  |
    When "web-form" starts a "corruption_complaint" case "A" with:
      | channel           | online form                     |
      | anonymous         | yes                             |
      | topic             | bribery                         |
      | complaint details | please repair the road outside |
    And "kanda" starts a "corruption_complaint" case "B" with:
      | channel           | letter                                     |
      | complainant name  | Mr Boonmee Meesuk                          |
      | complainant is    | a member of the public                     |
      | topic             | bribery                                    |
      | complaint details | a specification written for a single seller |
    And "kanda" starts a "corruption_complaint" case "C" with:
      | channel           | telephone                       |
      | anonymous         | yes                             |
      | complaint details | a pool car used for private trips |
    And 1 day passes
    And "kanda" fires "acknowledge" on "A" with:
      | message to the complainant | received |
    And "kanda" fires "route as a general complaint" on "A" with:
      | routed to                  | Public Works Division, road maintenance  |
      | screening note             | a repair request, not a corruption matter |
      | message to the complainant | sent to the Public Works Division for repair |
    And 2 days pass
    And "kanda" fires "acknowledge" on "B" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" on "B" with:
      | accused's unit             | Procurement and Assets Division    |
      | accused's position         | PAO official                       |
      | topic confirmed at screening | procurement                      |
      | screening note             | a procurement matter, grounds for a fact-finding |
      | message to the complainant | accepted as a corruption complaint |
    And 2 days pass
    And "kanda" fires "close and tell the complainant" on "A" with:
      | message to the complainant | closed |
    And "kanda" fires "prepare the complaint statistics" on "M2567" with:
      | statistics summary | 3 complaints, 1 closed |
    Then the report "corruption complaint statistics" for fiscal year 2567 shows:
      | figure                             | value |
      | complaints received                | 3     |
      | channel: online form               | 1     |
      | channel: letter                    | 1     |
      | channel: telephone                 | 1     |
      | channel: in person                 | 0     |
      | anonymous                          | 2     |
      | named                              | 1     |
      | corruption within our authority    | 1     |
      | general complaints                 | 1     |
      | not screened yet                   | 1     |
      | corruption complaints confirmed at screening | 1 |
      | corruption complaints and tips from the public | 1 |
      | kind: complaint                    | 1     |
      | kind: tip                          | 0     |
      | complainant: a member of the public | 1    |
      | topic: bribery                     | 0     |
      | topic: procurement                 | 1     |
      | routed to the general process      | 1     |
      | no outcome yet                     | 2     |
      | stage: receiving                   | 1     |
      | stage: assignment                  | 1     |
      | stage: closed                      | 1     |
      | acknowledge: count                 | 2     |
      | acknowledge: median days           | 2     |
      | acknowledge: longest days          | 3     |
      | acknowledge: within the time frame | 2     |
      | close: count                       | 1     |
      | close: longest days                | 5     |
      | close: within the time frame       | 1     |
    And the report "complaint_statistics" for fiscal year 2567 does not show "Boonmee"
    And the report "complaint_statistics" for fiscal year 2567 does not show "road"
    When "kanda" fires "publish the statistics on the website" on "M2567" with:
      | where the statistics are published | main website, corruption complaint statistics |
    And "kanda" fires "report the results" with:
      | results summary | every step done; 3 complaints |
    And "sompong" fires "the executives acknowledge the results" with:
      | the executive's instructions | speed up the open fact-finding |
    Then the case is in state "acknowledged by the executives"
    And "kanda" cannot start a "complaint_measure" case because "already under way" with:
      | fiscal year | 2567 |
    And "Boonmee" appears nowhere in the audit trail
    And the audit trail verifies

  @plan-33-5.10 @plan-33-5.4
  Scenario: Complaints by the topic confirmed at screening, against the year before (the outcomes "complaints about ... decrease")
    The outcomes of projects 13, 15, 16, 17, 19 and 23 that complaints about a topic
    decrease are measured on the topics screening confirmed, this fiscal year against the
    one before. A complaint tagged bribery by the complainant and found at screening to be
    a procurement matter counts as procurement.

    Given today is 29 September 2566
    When "web-form" starts a "corruption_complaint" case "P1" with:
      | channel           | online form                               |
      | anonymous         | yes                                       |
      | topic             | bribery                                   |
      | complaint details | an officer asks for money to issue a permit |
    And "kanda" fires "acknowledge" on "P1" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" on "P1" with:
      | accused official             | somchai                            |
      | accused's unit               | Public Works Division              |
      | accused's position           | PAO official                       |
      | topic confirmed at screening | bribery                            |
      | screening note               | grounds for a fact-finding         |
      | message to the complainant   | accepted as a corruption complaint |
    Given today is 2 October 2566
    When "web-form" starts a "corruption_complaint" case "P2" with:
      | channel           | online form                        |
      | anonymous         | yes                                |
      | topic             | bribery                            |
      | complaint details | collusion in the school building bids |
    And "kanda" fires "acknowledge" on "P2" with:
      | message to the complainant | received |
    And "kanda" fires "accept as a corruption complaint" on "P2" with:
      | accused official             | somchai                            |
      | accused's unit               | Public Works Division              |
      | accused's position           | PAO official                       |
      | topic confirmed at screening | procurement                        |
      | screening note               | a procurement matter               |
      | message to the complainant   | accepted as a corruption complaint |
    Then the report "complaint_topics_trend" for fiscal year 2567 shows:
      | figure                                          | value |
      | this year, topic: bribery                       | 0     |
      | year before, topic: bribery                     | 1     |
      | this year, topic: procurement                   | 1     |
      | year before, topic: procurement                 | 0     |
      | no bribery complaints                           | yes   |
      | bribery complaints decreased                    | yes   |
      | complaints about government property decreased | no    |
      | complaints screened decreased                   | no    |
    And the audit trail verifies
