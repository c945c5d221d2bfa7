Feature: Integrity and transparency measures of Lampang PAO (integrity plan, project 25)
  Measure promoting integrity and transparency of Lampang Provincial Administrative
  Organization, anti-corruption action plan, fiscal years B.E. 2566-2570.
  Owner: the Discipline and Integrity Section, Personnel Division.
  Output: measures driving integrity and transparency of Lampang PAO.
  Outcome: Lampang PAO passes the ITA (85 points or more).

  Method
  item 1 (tag @plan-25-5.1): set up the agency's working group on integrity and transparency.
  item 2 (tag @plan-25-5.2): working-group meetings to 2.1) analyse the result of the
  integrity and transparency assessment (ITA) and 2.2) set the measures driving integrity
  and transparency, consistent with that analysis, with their owners, steps, monitoring and
  reporting.
  item 3 (tag @plan-25-5.3): publish the analysis and the measures on the website and other
  channels.
  item 4 (tag @plan-25-5.4): a briefing so that staff understand the measures.
  item 5 (tag @plan-25-5.5): carry out the measures.
  item 6 (tag @plan-25-5.6): monitor and evaluate them.
  item 7 (tag @plan-25-5.7): report the results.
  item 8 (tag @plan-25-5.8): publish the results to the public.

  The plan does not say who approves the measures: here the working group adopts them by
  resolution, then the executive approves them before they are published, and the one who
  submitted them may not. The working group analyses the previous fiscal year's ITA over
  its 10 indicators. The ITA scores are examples, not the assessment's real results. The
  year's ITA score is recorded once, on the year's action plan case (project 18).

  The same scenarios as integrity_measures.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the role "coordinator" in the unit "Personnel Division"
    And "sompong" holds the roles "executive" and "authority"
    And "kanda" holds the role "measure owner" in the unit "Finance Division"

  @plan-25-5.1 @plan-25-5.2 @plan-25-5.3 @plan-25-5.4 @plan-25-5.5 @plan-25-5.6 @plan-25-5.7 @plan-25-5.8
  Scenario: The integrity and transparency measures of fiscal year 2567, from the working group to the published results (items 1 to 8)
    The executive appoints the working group (item 1); it analyses the ITA of fiscal year
    2566 over its 10 indicators, finds 2 below 85, sets 2 measures with owners, steps,
    monitoring and reporting, and adopts them; the executive approves them (item 2); they
    are published on the website and a notice board (item 3); staff are briefed (item 4);
    units record their progress (item 5); they are monitored at 6 and 12 months (item 6);
    the results are reported (item 7) and published (item 8).

    When "malee" starts an "integrity_measures" case with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" with:
      | order        | 142/2566     |
      | chair        | wichai       |
      | members      | kanda, amnat |
      | secretary    | malee        |
    Then the case is in state "working group set up"

    Given today is 9 October 2566
    When "wichai" fires "open the meeting" with:
      | present | wichai, kanda, amnat, malee |
    And "malee" fires "record the ITA analysis" with:
      | ITA score analysed | 88.78 |
      | analysis by indicator | indicator=1 performance of duties; score=92.50 |
      | analysis by indicator | indicator=2 use of the budget; score=88.10 |
      | analysis by indicator | indicator=3 use of power; score=90.20 |
      | analysis by indicator | indicator=4 use of government property; score=82.40; what to improve=loans of property are not always requested in writing |
      | analysis by indicator | indicator=5 solving corruption problems; score=87.70 |
      | analysis by indicator | indicator=6 quality of operations; score=91.00 |
      | analysis by indicator | indicator=7 effective communication; score=89.30 |
      | analysis by indicator | indicator=8 improving the work system; score=86.60 |
      | analysis by indicator | indicator=9 disclosure of information; score=95.00 |
      | analysis by indicator | indicator=10 preventing corruption; score=75.00; what to improve=the six-month results of the integrity measures were not published |
    And "malee" fires "record measures" with:
      | integrity measures | measure=written requests to borrow government property; indicator addressed=4 use of government property; owner=Finance Division; steps=use the request form for every loan and register it; monitoring=check the loan register every quarter; reporting=report to the executive at 6 and 12 months |
      | integrity measures | measure=publish the six-month results of corruption prevention; indicator addressed=10 preventing corruption; owner=Discipline and Integrity Section; steps=summarise the plan's results and publish them on the website in April; monitoring=follow up in the working group's meetings; reporting=report to the executive and publish on the website |
    And "wichai" fires "vote" with:
      | vote | yes |
    And "kanda" fires "vote" with:
      | vote | yes |
    And "wichai" fires "record the resolution" with:
      | motion | adopt the analysis and the measures |
    And "wichai" fires "close the meeting" with:
      | minutes | minutes of the working group, meeting 1/2566 |
    And "malee" fires "submit the measures"
    Then the case is in state "measures submitted"
    And the case has the data:
      | fiscal year of the ITA analysed | 2566 |
      | indicators analysed             | 10   |
      | indicators below the target     | 2    |
      | indicators below the target with a measure    | 2 |
      | indicators below the target without a measure | 0 |
      | measures set                    | 2    |

    Given today is 16 October 2566
    When "sompong" fires "approve the measures" with:
      | announcement number | 16/2566 |
    And "malee" fires "publish the analysis and measures" with:
      | publications of the analysis and measures | channel=Lampang PAO website; kind of channel=website; published on=16 October 2566; address=https://www.lampangpao.go.th/ita/o-measures |
      | publications of the analysis and measures | channel=notice board at the office; kind of channel=other channel; published on=16 October 2566 |
    Then the case is in state "analysis and measures published"

    Given today is 1 November 2566
    When "malee" fires "brief staff on the measures" with:
      | briefing date      | 1 November 2566                          |
      | briefing attendees | 45                                       |
      | briefing minutes   | minutes of the briefing on the measures 1/2567 |
    Then the case is in state "implementing"

    Given today is 1 April 2567
    When "kanda" fires "record progress on a measure" with:
      | integrity measures | measure=written requests to borrow government property; status=done; result=every loan has a request form and is registered |
    And "malee" fires "record progress on a measure" with:
      | integrity measures | measure=publish the six-month results of corruption prevention; status=in progress |
    And "malee" fires "record a monitoring round" with:
      | monitoring rounds | round=6 months; as of=31 March 2567; findings=1 measure done, 1 in progress |

    Given today is 30 September 2567
    When "malee" fires "record progress on a measure" with:
      | integrity measures | measure=publish the six-month results of corruption prevention; status=done; result=published on the website on 19 April 2567 |
    And "malee" fires "record a monitoring round" with:
      | monitoring rounds | round=12 months; as of=30 September 2567; findings=both measures done |

    Given today is 8 October 2567
    When "malee" fires "report the results" with:
      | results report | Personnel Division memo LP 51003/912 |
    Given today is 10 October 2567
    When "malee" fires "publish the results" with:
      | results publications | results channel=Lampang PAO website; results published on=10 October 2567 |
    Then the case is in state "results published"
    And the report "integrity_measures" for fiscal year 2567 shows:
      | figure                          | value   |
      | fiscal year of the ITA analysed | 2566    |
      | ITA score analysed              | 88.78   |
      | indicators analysed             | 10      |
      | indicators below the target     | 2       |
      | indicators below the target with a measure (%) | 100 |
      | measures set                    | 2       |
      | measures done                   | 2       |
      | measures done (%)               | 100     |
      | announcement number             | 16/2566 |
      | briefing attendees              | 45      |
      | monitoring rounds held          | 2       |
      | results reported                | yes     |
      | ITA target                      | 85      |
    And the report "integrity_measures" for fiscal year 2567 lists in "weak indicators and what to improve":
      | indicator                    | score | what to improve                                                     |
      | 4 use of government property | 82.40 | loans of property are not always requested in writing               |
      | 10 preventing corruption     | 75.00 | the six-month results of the integrity measures were not published |
    And the audit trail records:
      | actor   | trigger                           | from                            | to                              |
      | malee   | open the year                     |                                 | opened                          |
      | sompong | appoint the working group         | opened                          | working group set up            |
      | wichai  | open the meeting                  | working group set up            | working group analysing         |
      | malee   | submit the measures               | working group analysing         | measures submitted              |
      | sompong | approve the measures              | measures submitted              | measures approved               |
      | malee   | publish the analysis and measures | measures approved               | analysis and measures published |
      | malee   | brief staff on the measures       | analysis and measures published | implementing                    |
      | malee   | report the results                | implementing                    | results reported                |
      | malee   | publish the results               | results reported                | results published               |
    And the audit trail verifies

  @plan-25-5.2 @plan-25-5.3
  Scenario: Measures need every indicator analysed, their owners and the working group's resolution; the submitter may not approve them, and nothing is published before approval (items 2 and 3)
    Manop, who also holds the executive's delegated authority, submits the measures, so he may
    not approve them. With 9 indicators analysed the measures cannot be submitted; a measure
    without its owner cannot; nor can they while indicator 10, below the target, has no
    measure with an owner; nor before the working group's resolution. While they
    are not approved they cannot be published, and a publication without the website is
    refused.

    Given "manop" holds the roles "coordinator" and "executive"
    When "manop" starts an "integrity_measures" case with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" with:
      | order        | 142/2566     |
      | chair        | wichai       |
      | members      | kanda, amnat |
      | secretary    | manop        |
    Then "malee" cannot start an "integrity_measures" case because "already has an integrity measures case" with:
      | fiscal year | 2567 |
    When "wichai" fires "open the meeting" with:
      | present | wichai, kanda, amnat, manop |
    And "manop" fires "record the ITA analysis" with:
      | ITA score analysed | 88.78 |
      | analysis by indicator | indicator=1 performance of duties; score=92.50 |
      | analysis by indicator | indicator=2 use of the budget; score=88.10 |
      | analysis by indicator | indicator=3 use of power; score=90.20 |
      | analysis by indicator | indicator=4 use of government property; score=82.40; what to improve=loans of property are not always requested in writing |
      | analysis by indicator | indicator=5 solving corruption problems; score=87.70 |
      | analysis by indicator | indicator=6 quality of operations; score=91.00 |
      | analysis by indicator | indicator=7 effective communication; score=89.30 |
      | analysis by indicator | indicator=8 improving the work system; score=86.60 |
      | analysis by indicator | indicator=9 disclosure of information; score=95.00 |
    And "manop" fires "record measures" with:
      | integrity measures | measure=written requests to borrow government property; indicator addressed=4 use of government property; steps=use the request form for every loan; monitoring=check the loan register every quarter; reporting=report to the executive at 6 and 12 months |
    Then "manop" cannot fire "submit the measures" because "resolution"
    When "wichai" fires "vote" with:
      | vote | yes |
    And "kanda" fires "vote" with:
      | vote | yes |
    And "wichai" fires "record the resolution" with:
      | motion | adopt the analysis and the measures |
    Then "manop" cannot fire "submit the measures" because "for every indicator"
    When "manop" fires "record the ITA analysis" with:
      | analysis by indicator | indicator=10 preventing corruption; score=75.00; what to improve=the six-month results of the integrity measures were not published |
    Then "manop" cannot fire "submit the measures" because "every measure needs its owner"
    When "manop" fires "amend measures" with:
      | integrity measures | measure=written requests to borrow government property; owner=Finance Division |
    Then "manop" cannot fire "submit the measures" because "1 not covered: 10 preventing corruption"
    And the case has the data:
      | indicators below the target                   | 2 |
      | indicators below the target with a measure    | 1 |
      | indicators below the target without a measure | 1 |
    When "manop" fires "record measures" with:
      | integrity measures | measure=publish the six-month results of corruption prevention; indicator addressed=10 preventing corruption; owner=Discipline and Integrity Section; steps=summarise the plan's results and publish them on the website in April; monitoring=follow up in the working group's meetings; reporting=report to the executive and publish on the website |
    And "manop" fires "submit the measures"
    Then "manop" cannot fire "publish the analysis and measures" because "measures submitted" with:
      | publications of the analysis and measures | channel=Lampang PAO website; kind of channel=website; published on=2 October 2566; address=https://www.lampangpao.go.th/ita/o-measures |
    And "manop" cannot fire "approve the measures" because "submitter of the measures" with:
      | announcement number | 16/2566 |
    When "sompong" fires "approve the measures" with:
      | announcement number | 16/2566 |
    Then "manop" cannot fire "publish the analysis and measures" because "website" with:
      | publications of the analysis and measures | channel=notice board at the office; kind of channel=other channel; published on=2 October 2566 |
    And the case is in state "measures approved"
    And the audit trail records:
      | actor   | trigger                           | from                    | to                 | outcome |
      | manop   | submit the measures               | working group analysing |                    | refused |
      | manop   | submit the measures               | working group analysing |                    | refused |
      | manop   | submit the measures               | working group analysing |                    | refused |
      | manop   | submit the measures               | working group analysing |                    | refused |
      | manop   | submit the measures               | working group analysing | measures submitted | moved   |
      | manop   | publish the analysis and measures | measures submitted      |                    | refused |
      | manop   | approve the measures              | measures submitted      |                    | refused |
      | sompong | approve the measures              | measures submitted      | measures approved  | moved   |
      | manop   | publish the analysis and measures | measures approved       |                    | refused |
    And the audit trail verifies

  @plan-25-5.2 @plan-25-5.5 @plan-25-5.6 @plan-25-5.7
  Scenario: The year's ITA score below 85 and the measures not all done: the target is missed (items 2 and 5 to 7)
    The working group sets 2 measures and 1 is done. The results cannot be reported before
    the measures are monitored. The ITA score of fiscal year 2567, recorded on the year's
    action plan case (project 18), is 82.10; the measures' report reads it there and shows
    the target of 85 missed.

    When "malee" starts an "integrity_measures" case "M2567" with:
      | fiscal year | 2567 |
    And "sompong" fires "appoint the working group" with:
      | order        | 142/2566     |
      | chair        | wichai       |
      | members      | kanda, amnat |
      | secretary    | malee        |
    And "wichai" fires "open the meeting" with:
      | present | wichai, kanda, amnat, malee |
    And "malee" fires "record the ITA analysis" with:
      | ITA score analysed | 88.78 |
      | analysis by indicator | indicator=1 performance of duties; score=92.50 |
      | analysis by indicator | indicator=2 use of the budget; score=88.10 |
      | analysis by indicator | indicator=3 use of power; score=90.20 |
      | analysis by indicator | indicator=4 use of government property; score=82.40; what to improve=loans of property are not always requested in writing |
      | analysis by indicator | indicator=5 solving corruption problems; score=87.70 |
      | analysis by indicator | indicator=6 quality of operations; score=91.00 |
      | analysis by indicator | indicator=7 effective communication; score=89.30 |
      | analysis by indicator | indicator=8 improving the work system; score=86.60 |
      | analysis by indicator | indicator=9 disclosure of information; score=95.00 |
      | analysis by indicator | indicator=10 preventing corruption; score=75.00; what to improve=the six-month results of the integrity measures were not published |
    And "malee" fires "record measures" with:
      | integrity measures | measure=written requests to borrow government property; indicator addressed=4 use of government property; owner=Finance Division; steps=use the request form for every loan and register it; monitoring=check the loan register every quarter; reporting=report to the executive at 6 and 12 months |
      | integrity measures | measure=publish the six-month results of corruption prevention; indicator addressed=10 preventing corruption; owner=Discipline and Integrity Section; steps=summarise the plan's results and publish them on the website in April; monitoring=follow up in the working group's meetings; reporting=report to the executive and publish on the website |
    And "wichai" fires "vote" with:
      | vote | yes |
    And "kanda" fires "vote" with:
      | vote | yes |
    And "wichai" fires "record the resolution" with:
      | motion | adopt the analysis and the measures |
    And "malee" fires "submit the measures"
    And "sompong" fires "approve the measures" with:
      | announcement number | 16/2566 |
    And "malee" fires "publish the analysis and measures" with:
      | publications of the analysis and measures | channel=Lampang PAO website; kind of channel=website; published on=2 October 2566; address=https://www.lampangpao.go.th/ita/o-measures |
    And "malee" fires "brief staff on the measures" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 38             |
      | briefing minutes   | minutes of the briefing on the measures 1/2567 |

    When "malee" starts an "integrity_declaration" case "D2567" with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" with:
      | measure title | declaration of intent, fiscal year 2567 |
      | approval memo | memo LP 51001/210                       |
    And "sompong" fires "approve the measure"
    And "malee" fires "set the form and channels" with:
      | form of the declaration     | an announcement of Lampang PAO                      |
      | approach of the declaration | the executives declare their intent at the monthly meeting |
      | channels set                | channel=monthly meeting of heads of unit; audience=inside the organization |
      | channels set                | channel=Lampang PAO website; audience=the public                           |
    And "sompong" fires "sign the declaration" with:
      | declaration title  | declaration of intent to apply integrity in administration |
      | declaration number | 12/2566                                                    |
    And "sompong" fires "set the policy" with:
      | executives' policy | honest, transparent and accountable administration |
      | policy number      | 13/2566                                            |
    And "malee" fires "publish the declaration and policy" with:
      | publications | publication channel=monthly meeting of heads of unit; published to=inside the organization; published on=2 October 2566 |
      | publications | publication channel=Lampang PAO website; published to=the public; published on=2 October 2566 |
    And "malee" starts a "corruption_risk_register" case "R2567" with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" on "R2567" with:
      | measure       | Corruption-risk management measure, fiscal year 2567 |
      | approval memo | memo LP 51001/220                                    |
    And "sompong" fires "approve the measure" on "R2567"
    And "sompong" fires "appoint the working group" on "R2567" with:
      | order     | 145/2566     |
      | chair     | wichai       |
      | members   | kanda, amnat |
      | secretary | malee        |
    And "malee" fires "record risks" on "R2567" with:
      | corruption risks | row=1; process step=procurement; risk issue=compliance with laws and regulations; risk event=procurement not following the rules; likelihood=medium; impact=medium; risk status=open |
    And "malee" fires "record controls" on "R2567" with:
      | controls | control=1.1; risk row=1; measure=training on procurement; owner=Supplies and Assets Division; progress=planned |
    And "malee" starts an "integrity_plan_preparation" case "P2567" with:
      | declaration case | D2567 |
      | fiscal year      | 2567  |
    And "sompong" fires "appoint the working group" on "P2567" with:
      | order        | 140/2566     |
      | chair        | wichai       |
      | members      | kanda, amnat |
      | secretary    | malee        |
    And "wichai" fires "open the meeting" on "P2567" with:
      | present | wichai, kanda, amnat, malee |
    And "malee" fires "record the framework study" on "P2567" with:
      | framework study | the plan reviewed against the NACC's manual |
    And "wichai" fires "vote" on "P2567" with:
      | vote | yes |
    And "kanda" fires "vote" on "P2567" with:
      | vote | yes |
    And "wichai" fires "record the resolution" on "P2567" with:
      | motion | adopt the draft plan |
    And "malee" fires "submit the draft plan" on "P2567" with:
      | draft plan           | anti-corruption action plan, reviewed for fiscal year 2567 |
      | projects in the plan | 37                                                         |
    And "sompong" fires "approve the plan" on "P2567" with:
      | plan announcement number | 15/2566 |
    And "malee" fires "publish the plan" on "P2567" with:
      | plan publications | channel=Lampang PAO website; published on=2 October 2566 |
    And "malee" fires "report the plan to the NACC" on "P2567" with:
      | plan reported to the NACC on | 2 October 2566     |
      | E-PlanNACC plan reference    | EPN-2567-520100-01 |
    And "malee" fires "brief staff on the plan" on "P2567" with:
      | briefing date      | 2 October 2566                 |
      | briefing attendees | 42                             |
      | briefing minutes   | minutes of the plan briefing 1/2567 |

    Given today is 2 September 2567
    When "malee" fires "record the ITA result" on "P2567" with:
      | ITA score          | 82.10                                |
      | ITA announced on   | 30 August 2567                       |
      | ITA result reference | ITA results of fiscal year 2567, ITAS |
    And "kanda" fires "record progress on a measure" on "M2567" with:
      | integrity measures | measure=written requests to borrow government property; status=done |
    Then "malee" cannot fire "report the results" on "M2567" because "not been monitored yet" with:
      | results report | Personnel Division memo LP 51003/912 |
    When "malee" fires "record a monitoring round" on "M2567" with:
      | monitoring rounds | round=12 months; as of=31 August 2567; findings=the six-month publication is not done |
    And "malee" fires "report the results" on "M2567" with:
      | results report | Personnel Division memo LP 51003/912 |
    Then the case "M2567" is in state "results reported"
    And the report "integrity_measures" for fiscal year 2567 shows:
      | figure                      | value |
      | measures set                | 2     |
      | measures done               | 1     |
      | measures done (%)           | 50    |
      | monitoring rounds held      | 1     |
      | ITA score of the year       | 82.10 |
      | ITA target                  | 85    |
      | ITA target met (85 or more) | no    |
    And the audit trail verifies
