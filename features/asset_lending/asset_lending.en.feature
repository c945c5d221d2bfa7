Feature: Lending of government property (integrity plan, project 13)
  Project 13 of the Lampang Provincial Administrative Organization's anti-corruption
  action plan, fiscal years B.E. 2566-2570: strengthening transparency in the use of
  government property. Owner: the Procurement and Assets Division.

  Method step 5.1 (tag @plan-13-5.1): rules for borrowing government property, with
  clear steps and a request and approval form that is convenient, open and auditable,
  for internal borrowers and for outside persons or the private sector.
  Method step 5.4 (tag @plan-13-5.4): compliance is monitored through a lending
  register kept systematically.
  Risk table row 1 (tag @plan-risk-1): use of government property, controlled strictly,
  with a controller and an inspector.

  The same scenarios as asset_lending.th.feature. Approval levels, overdue follow-up and
  liability are the asset_lending flow's reading of the plan, which does not spell them out.

  Background:
    Given today is 2 October 2566
    And "somchai" holds the role "staff" in the unit "Engineering Division"
    And "somjai" holds the role "staff" in the unit "Finance Division"
    And "manee" holds the role "outside borrower"
    And "somsak" holds the role "custodian" in the unit "Procurement and Assets Division"
    And "somying" holds the role "approving official" in the unit "Procurement and Assets Division"
    And "sompong" holds the role "executive"
    And "pranee" holds the role "inspector"
    And "somsak" starts an "asset_rules" case "R2567" with:
      | fiscal year | 2567 |
    And "somsak" fires "submit the rules" on "R2567" with:
      | announcement title       | rules on using and borrowing government property   |
      | borrowing request form   | loan request form (internal and outside borrowers) |
      | covers outside borrowers | yes                                                |
    And "sompong" fires "approve the rules" on "R2567" with:
      | announcement number | 11/2566 |

  @plan-13-5.1 @plan-13-5.4 @plan-risk-1
  Scenario: A staff member borrows the pool car and returns it intact (project 13, steps 5.1 and 5.4)
    The request form states the item, the purpose and the return date (step 5.1).
    The custodian checks, an official approves, the handover is entered in the lending
    register, and the return is inspected (step 5.4).

    When "somchai" starts an "asset_lending" case with:
      | item        | pool car 1234                                   |
      | purpose     | inspect the road construction project, Ko Kha   |
      | return date | 5 October 2566                                  |
    Then the case is in state "requested"
    When "somsak" fires "check" with:
      | check note | the car is free on the requested dates |
    And "somying" fires "approve"
    Then the case is in state "approved"
    When "somsak" fires "hand over" with:
      | register number       | L. 1/2567                      |
      | condition at handover | in working order, 45,210 km    |
    Then the case is in state "on loan"
    And the case has the data:
      | register number | L. 1/2567 |
      | borrower        | somchai   |
      | borrower type   | internal  |
    When 3 days pass
    And "somsak" fires "return intact" with:
      | condition on return | in working order, 45,682 km |
    Then the case is in state "returned"
    And the audit trail records:
      | actor   | trigger       | from      | to        |
      | somchai | start         |           | requested |
      | somsak  | check         | requested | checked   |
      | somying | approve       | checked   | approved  |
      | somsak  | hand over     | approved  | on loan   |
      | somsak  | return intact | on loan   | returned  |
    And the report "lending register" for fiscal year 2567 shows:
      | figure            | value |
      | rules announced   | 1     |
      | loans handed over | 1     |
      | returned          | 1     |
    And the audit trail verifies

  @plan-13-5.1
  Scenario: The request form must state the purpose and the return date (project 13, step 5.1)
    An incomplete request does not open a case, but the attempt is recorded and auditable.

    Then "somchai" cannot start an "asset_lending" case because "return date" with:
      | item    | projector, meeting room 2 |
      | purpose | staff training            |
    And the audit trail verifies

  @plan-13-5.1
  Scenario: An outside borrower needs the executive's approval (project 13, step 5.1)
    The rules cover outside persons and the private sector, whose loans the executive
    approves; an approving official alone cannot.

    When "manee" starts an "asset_lending" case with:
      | item           | canvas tent, set 3                       |
      | purpose        | Ban Luk community festival               |
      | borrower type  | outside person or private sector         |
      | borrower phone | 081 234 5678                             |
      | return date    | 15 October 2566                          |
    And "somsak" fires "check"
    Then "somying" cannot fire "approve" because "executive"
    And the case is still in state "checked"
    When "sompong" fires "approve"
    Then the case is in state "approved"
    And the audit trail records:
      | actor   | trigger | from      | to        | outcome |
      | manee   | start   |           | requested | moved   |
      | somsak  | check   | requested | checked   | moved   |
      | somying | approve | checked   |           | refused |
      | sompong | approve | checked   | approved  | moved   |
    And the audit trail verifies

  @plan-13-5.1
  Scenario: A requester cannot approve their own request (project 13, step 5.1, separation of duties)
    Even a requester who holds approval authority cannot approve their own loan, so that
    government property is not used for private benefit (objective 2).

    Given "somying" holds the role "staff"
    When "somying" starts an "asset_lending" case with:
      | item        | camera, asset no. 415-65-0002       |
      | purpose     | photograph the Chulalongkorn Day ceremony |
      | return date | 25 October 2566                     |
    And "somsak" fires "check"
    Then "somying" cannot fire "approve" because "requester"
    And the case is still in state "checked"
    When "sompong" fires "approve"
    Then the case is in state "approved"
    And the audit trail verifies

  @plan-13-5.4
  Scenario: One item cannot be lent twice at once (project 13, step 5.4, lending register)
    The lending register shows who holds an item. A second request for the same item
    cannot pass the check, and cannot be filed again until the item is returned.

    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car 1234              |
      | purpose     | meeting in Chiang Mai      |
      | return date | 3 October 2566             |
    And "somjai" starts an "asset_lending" case "L2" with:
      | item        | pool car 1234                     |
      | purpose     | collect documents at the city hall |
      | return date | 2 October 2566                    |
    And "somsak" fires "check" on "L1"
    And "somying" fires "approve" on "L1"
    Then "somsak" cannot fire "check" on "L2" because "already lent"
    And the case "L2" is in state "requested"
    When "somsak" fires "hand over" on "L1" with:
      | register number       | L. 2/2567        |
      | condition at handover | in working order |
    Then "somjai" cannot start an "asset_lending" case because "already lent" with:
      | item        | pool car 1234                     |
      | purpose     | collect documents at the city hall |
      | return date | 5 October 2566                    |
    When 1 day passes
    And "somsak" fires "return intact" on "L1" with:
      | condition on return | in working order |
    And "somsak" fires "check" on "L2"
    Then the case "L2" is in state "checked"
    And the case "L1" is in state "returned"
    And the audit trail verifies

  @plan-13-5.4 @plan-risk-1
  Scenario: A loan not returned on time is marked overdue, then escalated (project 13, step 5.4)
    Loans are followed through the lending register. Once the return date has passed the
    system marks the loan overdue; 7 days later, still not returned, it escalates it to
    the supervisor. A borrower with an overdue loan cannot borrow again.

    When "somchai" starts an "asset_lending" case with:
      | item        | lawn mower, asset no. 485-63-0010 |
      | purpose     | mow the verge of the Ban Laeng road |
      | return date | 10 October 2566                   |
    And "somsak" fires "check"
    And "somying" fires "approve"
    And "somsak" fires "hand over" with:
      | register number       | L. 3/2567        |
      | condition at handover | in working order |
    When 8 days pass
    Then the case is in state "on loan"
    When another 1 day passes
    Then the case is in state "overdue"
    And "somchai" cannot start an "asset_lending" case because "overdue" with:
      | item        | 20 folding tables         |
      | purpose     | village community meeting |
      | return date | 20 October 2566           |
    When another 6 days pass
    Then the case is in state "overdue"
    When another 1 day passes
    Then the case is in state "escalated"
    When "somsak" fires "return intact" with:
      | condition on return | in working order |
    Then the case is in state "returned"
    And the audit trail records:
      | actor  | trigger       | from      | to        |
      | somsak | hand over     | approved  | on loan   |
      | system | mark overdue  | on loan   | overdue   |
      | system | escalate      | overdue   | escalated |
      | somsak | return intact | escalated | returned  |
    And the audit trail verifies

  @plan-13-5.4
  Scenario: A damaged item is returned, assessed and settled (project 13, step 5.4)
    The inspector takes the item back and records the damage; an official decides the
    liability. The borrower cannot settle their own liability.

    When "somchai" starts an "asset_lending" case with:
      | item        | sound system, set 1           |
      | purpose     | sports day of a school in our care |
      | return date | 6 October 2566                |
    And "somsak" fires "check"
    And "somying" fires "approve"
    And "somsak" fires "hand over" with:
      | register number       | L. 4/2567        |
      | condition at handover | in working order |
    When 4 days pass
    And "pranee" fires "return damaged" with:
      | condition on return | the left speaker is silent |
    Then the case is in state "damage assessment"
    And "somchai" cannot fire "settle" because "approving official"
    And "somying" cannot fire "settle" because "liability"
    When "somying" fires "settle" with:
      | liability | repaired |
    Then the case is in state "settled"
    And the case has the data:
      | liability | repaired |
    And the audit trail records:
      | actor   | trigger        | from              | to                |
      | pranee  | return damaged | on loan           | damage assessment |
      | somying | settle         | damage assessment | settled           |
    And the audit trail verifies

  @plan-13-5.1 @plan-13-5.2 @plan-13-5.3 @plan-13-5.4 @plan-13-5.5 @plan-risk-1
  Scenario: The programme of fiscal year 2568, from the announcement to the report (project 13, steps 5.1 to 5.5)
    The asset_rules flow, one case per fiscal year: rules that cover outside borrowers are
    announced (step 5.1), the manual produced (5.2), published with the flowchart (5.3),
    compliance monitored through the lending register (5.4) and the results reported (5.5).
    The controls of risk row 1 come first: a controller and an inspector are appointed and
    the security staff record their checks of cars before the report.

    Given today is 1 October 2567
    And "sombat" holds the role "security guard"
    When "somsak" starts an "asset_rules" case with:
      | fiscal year | 2568 |
    Then "somsak" cannot fire "submit the rules" because "outside" with:
      | announcement title       | rules on using and borrowing government property |
      | borrowing request form   | loan request form (internal borrowers)           |
      | covers outside borrowers | no                                               |
    When "somsak" fires "submit the rules" with:
      | announcement title       | rules on using and borrowing government property   |
      | borrowing request form   | loan request form (internal and outside borrowers) |
      | covers outside borrowers | yes                                                |
    And "sompong" fires "approve the rules" with:
      | announcement number | 12/2567 |
    Then the case is in state "announced"
    And the case has the data:
      | announced on | 1 October 2567 |
    When 30 days pass
    And "somsak" fires "produce the manual" with:
      | manual | manual on using and borrowing government property |
    And "somsak" fires "publicise" with:
      | flowchart            | flowchart of borrowing government property |
      | publication channels | channel=website of the Lampang PAO; audience=the public |
    Then "somsak" cannot fire "start monitoring" because "at least 2 channels" with:
      | lending register | lending register, fiscal year 2568 |
    When "somsak" fires "record a channel" with:
      | publication channels | channel=circular letter to every unit; audience=staff |
    And "somsak" fires "start monitoring" with:
      | lending register | lending register, fiscal year 2568 |
    Then "sombat" cannot fire "record a vehicle check" because "appointed" with:
      | vehicle checks | gate 1, private car 5678, no government property found |
    And "somsak" cannot fire "report the results" because "controller and inspector" with:
      | results summary | not complete |
    When "sompong" fires "appoint controller and inspector" with:
      | appointment order | order no. 150/2567 |
      | controller        | somying            |
      | inspector         | pranee             |
    And "sombat" fires "record a vehicle check" with:
      | vehicle checks | gate 1, private car 5678, no government property found |
    And 300 days pass
    And "somsak" fires "report the results" with:
      | results summary | 1 announcement issued, loans kept in the register, no complaints |
    Then the case is in state "reported"
    And the audit trail records:
      | actor   | trigger                          | from              | to                |
      | somsak  | start                            |                   | drafting          |
      | somsak  | submit the rules                 | drafting          | awaiting approval |
      | sompong | approve the rules                | awaiting approval | announced         |
      | somsak  | produce the manual               | announced         | manual ready      |
      | somsak  | publicise                        | manual ready      | publicised        |
      | somsak  | start monitoring                 | publicised        | monitoring        |
      | sompong | appoint controller and inspector | monitoring        | monitoring        |
      | sombat  | record a vehicle check           | monitoring        | monitoring        |
      | somsak  | report the results               | monitoring        | reported          |
    And the audit trail verifies

  @plan-13-5.1
  Scenario: A loan is approved only in a fiscal year whose rules were announced (project 13, step 5.1)
    Loans are made under the year's announced rules (the asset_rules case of the fiscal year
    of the approval). On 1 October 2567, fiscal year 2568 has no programme yet: the approval
    is refused and recorded, naming the fiscal year; a draft of the rules is not enough.

    Given today is 1 October 2567
    When "somchai" starts an "asset_lending" case "L9" with:
      | item        | projector, asset no. 470-66-0003 |
      | purpose     | training of village volunteers   |
      | return date | 4 October 2567                   |
    And "somsak" fires "check" on "L9"
    Then "somying" cannot fire "approve" on "L9" because "fiscal year is 2568"
    When "somsak" starts an "asset_rules" case "R2568" with:
      | fiscal year | 2568 |
    Then "somying" cannot fire "approve" on "L9" because "(now: 'drafting')"
    When "somsak" fires "submit the rules" on "R2568" with:
      | announcement title       | rules on using and borrowing government property   |
      | borrowing request form   | loan request form (internal and outside borrowers) |
      | covers outside borrowers | yes                                                |
    And "sompong" fires "approve the rules" on "R2568" with:
      | announcement number | 12/2567 |
    And "somying" fires "approve" on "L9"
    Then the case "L9" is in state "approved"
    And the audit trail of "L9" records:
      | actor   | trigger | from    | to       | outcome |
      | somying | approve | checked |          | refused |
      | somying | approve | checked |          | refused |
      | somying | approve | checked | approved | moved   |
    And the audit trail verifies
