Feature: Transparency in personnel administration (integrity plan, project 24)
  Measure "transparency in personnel administration" (as the plan prints its name),
  anti-corruption action plan of Lampang PAO, fiscal years B.E. 2566-2570.
  Owner: the Discipline and Integrity Section, Personnel Division.
  Output: 1 measure on personnel administration.

  Method
  item 1 (tag @plan-24-5.1): the executive sets a transparent, ethical personnel policy under
  the law and the regulations.
  item 2 (tag @plan-24-5.2): brief the units on their roles, powers and duties.
  item 3 (tag @plan-24-5.3): set up the working group on transparency in personnel
  administration.
  item 4 (tag @plan-24-5.4): a forum where staff exchange views on the executives'
  administration, the views gathered and put to the executive.
  item 5 (tag @plan-24-5.5): the working group sets the measures, such as preventing requests
  or spoken orders from superiors to do private work that is not official work.
  item 6 (tag @plan-24-5.6): announce and publish the measures.
  item 7 (tag @plan-24-5.7): carry them out.
  item 8 (tag @plan-24-5.8): report the results.

  A staff member's report of a superior's spoken order to do private work is a case of its
  own: the reporter's name and the account are sealed and never in the audit trail, and
  the superior reported never records, examines or decides a report about himself. Names
  and events are examples.

  The same scenarios as personnel_transparency.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the roles "coordinator" and "discipline officer" in the unit "Personnel Division"
    And "sompong" holds the role "executive"
    And "thana" holds the role "discipline officer" in the unit "Personnel Division"
    And "kasem" holds the role "discipline officer" in the unit "Engineering Division"

  @plan-24-5.1 @plan-24-5.2 @plan-24-5.3 @plan-24-5.4 @plan-24-5.5 @plan-24-5.6 @plan-24-5.7 @plan-24-5.8
  Scenario: Transparency in personnel administration of fiscal year 2567, from the policy to the report, with a report of an order to do private work (items 1 to 8)
    The executive sets the policy (item 1); the units are briefed (item 2); the working group
    is appointed (item 3); the staff forum's views go to the executive (item 4); the working
    group sets 2 measures (item 5); the executive announces them (item 6); a member of staff
    reports that the Engineering Division's director ordered her by word of mouth to do
    private work; the discipline section records and examines it, the executive decides it is
    substantiated, and action on the measures is recorded (item 7); the results are reported
    (item 8). The reporter's name and the account are never in the audit trail.

    When "malee" starts a "personnel_transparency" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "set the personnel policy" on "Y2567" with:
      | personnel policy | transparent, fair and accountable personnel administration; no staff used for private work |
      | policy number    | 20/2566 |
    And "malee" fires "brief the units" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 50             |
      | briefing minutes   | minutes of the briefing on roles and duties 1/2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 150/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    And "malee" fires "record the staff forum" on "Y2567" with:
      | forum date         | 2 October 2566 |
      | forum participants | 65             |
      | staff views        | topic=private errands; view=superiors ask for help with private matters after hours |
      | staff views        | topic=salary steps; view=the criteria and the scores should be published |
    And "malee" fires "present the views to the executive" on "Y2567" with:
      | memo presenting the views | Personnel Division memo LP 51003/160 |
    And "prasit" fires "open the meeting" on "Y2567" with:
      | present | prasit, kanda, amnat, malee |
    And "malee" fires "record measures" on "Y2567" with:
      | personnel transparency measures | measure=no spoken orders to do private work; kind of measure=no spoken orders to do private work; what it requires=staff may refuse a spoken order to do private work and report it to the discipline section under protection |
      | personnel transparency measures | measure=published salary-step criteria; kind of measure=ITA results in salary steps; what it requires=publish the criteria and weigh the ITA result in salary steps |
    And "prasit" fires "vote" on "Y2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "Y2567" with:
      | vote | yes |
    And "prasit" fires "record the resolution" on "Y2567" with:
      | motion | adopt the personnel transparency measures |
    And "malee" fires "submit the measures" on "Y2567"
    And "sompong" fires "announce and publish the measures" on "Y2567" with:
      | announcement number          | 21/2566 |
      | publications of the measures | channel=Lampang PAO website; published on=2 October 2566; address=https://www.lampangpao.go.th/ita/o-personnel |
      | publications of the measures | channel=circular letter to every unit; published on=2 October 2566 |
    Then the case "Y2567" is in state "measures announced and in force"
    And the case "Y2567" has the data:
      | measures set   | 2 |
      | views recorded | 2 |

    Given today is 15 January 2567
    When "malee" starts a "private_errand_report" case "R1" with:
      | reporter name               | Ms Chanpen Jaikla |
      | account of the order        | the division director told her by word of mouth to drive an official car to fetch his relatives at the airport in office hours |
      | superior who gave the order | wichai |
      | superior's unit             | Engineering Division |
      | ordered on                  | 12 January 2567 |
    Then the case "R1" is in state "received"
    And "Chanpen" appears nowhere in the audit trail
    And "airport" appears nowhere in the audit trail
    When "malee" reveals "reporter name" on "R1" because "to ask for more facts" and reads "Ms Chanpen Jaikla"
    Then "sompong" cannot reveal "reporter name" on "R1" because "discipline officer"

    Given today is 22 January 2567
    When "thana" fires "record the findings" on "R1" with:
      | findings | two witnesses confirm the order; the car's log matches the day reported |
    Then the case "R1" is in state "examined"
    Given today is 29 January 2567
    When "sompong" fires "decide the report" on "R1" with:
      | outcome            | substantiated: referred for discipline |
      | decision reference | LP 51003/40                            |
    Then the case "R1" is in state "decided"

    Given today is 2 September 2567
    When "malee" fires "record action on a measure" on "Y2567" with:
      | personnel transparency measures | measure=no spoken orders to do private work; what was done=1 report received, substantiated, referred for discipline |
    And "malee" fires "record action on a measure" on "Y2567" with:
      | personnel transparency measures | measure=published salary-step criteria; what was done=criteria published for both rounds |
    Given today is 16 September 2567
    When "malee" fires "report the results" on "Y2567" with:
      | results summary | 2 measures announced and acted on; 1 report of an order to do private work |
    Then the case "Y2567" is in state "results reported"
    And the report "personnel_transparency" for fiscal year 2567 shows:
      | figure                                      | value   |
      | policy number                               | 20/2566 |
      | forum participants                          | 65      |
      | views recorded                              | 2       |
      | measures set                                | 2       |
      | at least 1 measure                          | yes     |
      | measures acted on                           | 2       |
      | announcement number                         | 21/2566 |
      | reports of spoken orders to do private work | 1       |
      | reports substantiated                       | 1       |
      | reports not decided yet                     | 0       |
      | results reported                            | yes     |
    And the audit trail of "R1" records:
      | actor   | trigger             | from     | to       | outcome |
      | malee   | record the report   |          | received | moved   |
      | malee   | reveal              | received |          | read    |
      | thana   | record the findings | received | examined | moved   |
      | sompong | decide the report   | examined | decided  | moved   |
    And "Chanpen" appears nowhere in the audit trail
    And the audit trail verifies

  @plan-24-5.5 @plan-24-5.6 @plan-24-5.7
  Scenario: The superior reported cannot record, examine, read or decide a report about himself (items 5 to 7)
    Before the measures are announced no report is taken. The submitter of the measures may not
    announce them. Wichai, director of the Engineering Division, who is also a discipline
    officer and holds the executive's delegated authority, may not record, read the reporter's
    name of, or decide a report about himself; Kasem, of the same division, may not examine it
    or read the name.

    Given "wichai" holds the roles "discipline officer" and "executive" in the unit "Engineering Division"
    And "manop" holds the roles "coordinator" and "executive"
    When "malee" starts a "personnel_transparency" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "set the personnel policy" on "Y2567" with:
      | personnel policy | transparent, fair and accountable personnel administration; no staff used for private work |
      | policy number    | 20/2566 |
    And "malee" fires "brief the units" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 50             |
      | briefing minutes   | minutes of the briefing on roles and duties 1/2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 150/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    And "malee" fires "record the staff forum" on "Y2567" with:
      | forum date         | 2 October 2566 |
      | forum participants | 65             |
      | staff views        | topic=private errands; view=superiors ask for help with private matters after hours |
      | staff views        | topic=salary steps; view=the criteria and the scores should be published |
    And "malee" fires "present the views to the executive" on "Y2567" with:
      | memo presenting the views | Personnel Division memo LP 51003/160 |
    And "prasit" fires "open the meeting" on "Y2567" with:
      | present | prasit, kanda, amnat, malee |
    And "malee" fires "record measures" on "Y2567" with:
      | personnel transparency measures | measure=no spoken orders to do private work; kind of measure=no spoken orders to do private work; what it requires=staff may refuse a spoken order to do private work and report it to the discipline section under protection |
      | personnel transparency measures | measure=published salary-step criteria; kind of measure=ITA results in salary steps; what it requires=publish the criteria and weigh the ITA result in salary steps |
    And "prasit" fires "vote" on "Y2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "Y2567" with:
      | vote | yes |
    And "prasit" fires "record the resolution" on "Y2567" with:
      | motion | adopt the personnel transparency measures |
    And "manop" fires "submit the measures" on "Y2567"
    Then "malee" cannot start a "private_errand_report" case because "parent" with:
      | reporter name               | Ms Chanpen Jaikla |
      | account of the order        | the division director told her by word of mouth to drive an official car to fetch his relatives at the airport in office hours |
      | superior who gave the order | wichai |
      | superior's unit             | Engineering Division |
      | ordered on                  | 12 January 2567 |
    And "manop" cannot fire "announce and publish the measures" on "Y2567" because "submitter of the measures" with:
      | announcement number          | 21/2566 |
      | publications of the measures | channel=Lampang PAO website; published on=2 October 2566 |
    When "sompong" fires "announce and publish the measures" on "Y2567" with:
      | announcement number          | 21/2566 |
      | publications of the measures | channel=Lampang PAO website; published on=2 October 2566 |

    Given today is 15 January 2567
    Then "wichai" cannot start a "private_errand_report" case because "a report about himself" with:
      | reporter name               | Ms Chanpen Jaikla |
      | account of the order        | the division director told her by word of mouth to drive an official car to fetch his relatives at the airport in office hours |
      | superior who gave the order | wichai |
      | superior's unit             | Engineering Division |
      | ordered on                  | 12 January 2567 |
    When "malee" starts a "private_errand_report" case "R1" with:
      | reporter name               | Ms Chanpen Jaikla |
      | account of the order        | the division director told her by word of mouth to drive an official car to fetch his relatives at the airport in office hours |
      | superior who gave the order | wichai |
      | superior's unit             | Engineering Division |
      | ordered on                  | 12 January 2567 |
    Then "wichai" cannot reveal "reporter name" on "R1" because "superior who gave the order"
    And "kasem" cannot reveal "reporter name" on "R1" because "superior's unit"
    And "wichai" cannot fire "record the findings" on "R1" because "a report about himself" with:
      | findings | no order was given |
    And "kasem" cannot fire "record the findings" on "R1" because "superior's unit" with:
      | findings | no order was given |
    When "thana" fires "record the findings" on "R1" with:
      | findings | two witnesses confirm the order |
    Then "wichai" cannot fire "decide the report" on "R1" because "a report about himself" with:
      | outcome            | not substantiated |
      | decision reference | LP 51003/40       |
    And the case "R1" is in state "examined"
    And the audit trail of "R1" records:
      | actor  | trigger             | from     | to       | outcome |
      | malee  | record the report   |          | received | moved   |
      | wichai | reveal              | received |          | refused |
      | kasem  | reveal              | received |          | refused |
      | wichai | record the findings | received |          | refused |
      | kasem  | record the findings | received |          | refused |
      | thana  | record the findings | received | examined | moved   |
      | wichai | decide the report   | examined |          | refused |
    And "Chanpen" appears nowhere in the audit trail
    And the audit trail verifies

  @plan-24-5.4 @plan-24-5.5 @plan-24-5.8
  Scenario: The working group has set no measure: the output of 1 measure is missed (items 4, 5 and 8)
    A forum without any view recorded is refused. The working group resolves but records no
    measure, so nothing can be submitted to the executive; at the end of the fiscal year the
    report shows 0 measures against the target of 1.

    When "malee" starts a "personnel_transparency" case "Y2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "set the personnel policy" on "Y2567" with:
      | personnel policy | transparent, fair and accountable personnel administration; no staff used for private work |
      | policy number    | 20/2566 |
    And "malee" fires "brief the units" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 50             |
      | briefing minutes   | minutes of the briefing on roles and duties 1/2567 |
    And "sompong" fires "appoint the working group" on "Y2567" with:
      | order     | 150/2566     |
      | chair     | prasit       |
      | members   | kanda, amnat |
      | secretary | malee        |
    Then "malee" cannot fire "record the staff forum" on "Y2567" because "at least one view" with:
      | forum date         | 2 October 2566 |
      | forum participants | 65             |
    When "malee" fires "record the staff forum" on "Y2567" with:
      | forum date         | 2 October 2566 |
      | forum participants | 65             |
      | staff views        | topic=private errands; view=superiors ask for help with private matters |
    And "malee" fires "present the views to the executive" on "Y2567" with:
      | memo presenting the views | Personnel Division memo LP 51003/160 |
    And "prasit" fires "open the meeting" on "Y2567" with:
      | present | prasit, kanda, amnat, malee |
    And "prasit" fires "vote" on "Y2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "Y2567" with:
      | vote | yes |
    And "prasit" fires "record the resolution" on "Y2567" with:
      | motion | adopt the personnel transparency measures |
    Then "malee" cannot fire "submit the measures" on "Y2567" because "no personnel transparency measure"
    And the case "Y2567" is in state "working group deliberating"

    Given today is 30 September 2567
    Then the report "personnel_transparency" for fiscal year 2567 shows:
      | figure                                      | value |
      | views recorded                              | 1     |
      | measures set                                | 0     |
      | measures target                             | 1     |
      | at least 1 measure                          | no    |
      | reports of spoken orders to do private work | 0     |
      | results reported                            | no    |
    And the audit trail verifies
