Feature: Delegation, assignment and acting orders (integrity plan, projects 19 and 23)
  Measure: decentralisation (delegation) of authority of Lampang PAO (project 19), and
  Measure: issuing assignment orders of Lampang PAO (project 23).
  Responsible: Recruitment and Appointment Section, Personnel Division, Lampang PAO.

  Project 19 step 5.2 (tag @plan-19-5.2): more approvals and permissions delegated to the deputy level.
  Step 5.3 (tag @plan-19-5.3): orders designating acting officers when a holder cannot perform.
  Acting arises when the holder is away, in the order of precedence the holder set beforehand
  (flow acting_precedence; the PAO Act B.E. 2540 on acting for the Chief Executive).
  The holder signs the acting record of a planned absence; when a sudden absence leaves the
  holder unable to sign (illness, an accident), the Palad's Office records it with the reason
  and the evidence, and the holder acknowledges or ends it on return.
  Step 5.4 (tag @plan-19-5.4): assignment orders to order, permit and approve: Chief Executive to
  Deputy Chief Executive, Chief Executive to Palad, Palad to heads of units, heads of units to
  section chiefs.
  Step 5.5 (tag @plan-19-5.5): for powers under special laws, a summary list attached to the order.
  Step 5.6 (tag @plan-19-5.6): powers specific to the executive cannot be delegated; the order is
  announced to the public.
  Step 5.7 (tag @plan-19-5.7): a circular letter to every unit and the delegates, acknowledged.
  Step 5.8 (tag @plan-19-5.8): a public announcement.
  Step 5.9 (tag @plan-19-5.9): every delegate reports monthly on what they did under the order.
  Step 5.10 (tag @plan-19-5.10): the results are reported (output: not fewer than 4 orders).
  Project 23 steps 5.1 to 5.4 (tags @plan-23-5.1 to @plan-23-5.4) are the same steps.

  The dates in force, expiry, revocation, the overdue report and the list of powers are the
  delegation_order flow's reading of the plan, not its words.

  Background:
    Given today is 29 September 2566
    And "chaiwat" holds the role "Chief Executive"
    And "surachai" holds the role "Deputy Chief Executive"
    And "prayut" holds the role "Permanent Secretary"
    And "wilai" holds the role "head of unit" in the unit "Procurement and Assets Division"
    And "sompong" holds the role "section chief" in the unit "Procurement and Assets Division"
    And "kanda" holds the role "personnel officer" in the unit "Personnel Division"
    And "niti" holds the role "legal officer"
    And "somchai" holds the role "staff" in the unit "Public Works Division"
    And "somsak" holds the role "custodian" in the unit "Procurement and Assets Division"
    And "chaiwat" holds the role "executive"
    And "somsak" starts an "asset_rules" case "R2567" with:
      | fiscal year | 2567 |
    And "somsak" fires "submit the rules" on "R2567" with:
      | announcement title       | rules on using and borrowing government property   |
      | borrowing request form   | loan request form (internal and outside borrowers) |
      | covers outside borrowers | yes                                                |
    And "chaiwat" fires "approve the rules" on "R2567" with:
      | announcement number | 11/2566 |
    And "kanda" starts an "acting_precedence" case "P1" with:
      | post holder         | chaiwat |
      | post                | Chief Executive |
      | order of precedence | surachai, prayut |
    And "chaiwat" fires "sign" on "P1" with:
      | order number | 20/2566 |
    And "kanda" fires "announce" on "P1" with:
      | announcement number | 20/2566 |

  @plan-19-5.2 @plan-19-5.4 @plan-19-5.7 @plan-19-5.8 @plan-19-5.10 @plan-23-5.1 @plan-23-5.2 @plan-23-5.3
  Scenario: The four orders of the chain (project 19, steps 5.2, 5.4, 5.7, 5.8, 5.10; project 23, steps 5.1 to 5.3)
    The Chief Executive delegates to the Deputy and to the Palad, the Palad to a head of unit,
    the head of unit to a section chief. Each order is reviewed, signed by its delegator,
    circulated and acknowledged, and announced before it takes effect. A head of unit may pass
    a power on only once it has been delegated to them.

    When "kanda" starts a "delegation_order" case "O1" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O1" with:
      | order number | 1/2566 |
    And "kanda" fires "circulate" on "O1" with:
      | circular letter number | LP 51001/W 1 |
      | circulated to          | every unit |
    And "surachai" fires "acknowledge" on "O1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "O1" with:
      | announcement number | 1/2566 |
    When "kanda" starts a "delegation_order" case "O2" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O2" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O2" with:
      | order number | 2/2566 |
    And "kanda" fires "circulate" on "O2" with:
      | circular letter number | LP 51001/W 2 |
      | circulated to          | every unit |
    And "prayut" fires "acknowledge" on "O2" with:
      | acknowledged by | prayut |
    And "kanda" fires "announce" on "O2" with:
      | announcement number | 2/2566 |
    When today is 2 October 2566
    Then the case "O1" is in state "in force"
    And the case "O2" is in state "in force"
    When "kanda" starts a "delegation_order" case "O3" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | prayut |
      | delegator position | Permanent Secretary |
      | delegate           | wilai |
      | valid from         | 3 October 2566 |
    And "niti" fires "review" on "O3" with:
      | delegable | yes |
    And "prayut" fires "sign" on "O3" with:
      | order number | 3/2566 |
    And "kanda" fires "circulate" on "O3" with:
      | circular letter number | LP 51001/W 3 |
      | circulated to          | every unit |
    And "wilai" fires "acknowledge" on "O3" with:
      | acknowledged by | wilai |
    And "kanda" fires "announce" on "O3" with:
      | announcement number | 3/2566 |
    When "kanda" starts a "delegation_order" case "O4" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | wilai |
      | delegator position | head of unit |
      | delegate           | sompong |
      | valid from         | 3 October 2566 |
    And "niti" fires "review" on "O4" with:
      | delegable | yes |
    Then "wilai" cannot fire "sign" on "O4" because "does not hold the power" with:
      | order number | 4/2566 |
    When today is 3 October 2566
    Then the case "O3" is in state "in force"
    When "wilai" fires "sign" on "O4" with:
      | order number | 4/2566 |
    And "kanda" fires "circulate" on "O4" with:
      | circular letter number | LP 51001/W 4 |
      | circulated to          | every unit |
    And "sompong" fires "acknowledge" on "O4" with:
      | acknowledged by | sompong |
    And "kanda" fires "announce" on "O4" with:
      | announcement number | 4/2566 |
    And today is 4 October 2566
    Then the case "O4" is in state "in force"
    And the report "delegation_orders" for fiscal year 2567 shows:
      | orders            | 4   |
      | delegation orders | 4   |
      | target met        | yes |
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car L1     |
      | purpose     | meeting off site    |
      | return date | 20 October 2566     |
    And "somsak" fires "check" on "L1"
    When "sompong" fires "approve" on "L1"
    Then the case "L1" is in state "approved"
    And the "approve" on "L1" relied on the order "O4"
    And the "approve" on "L1" relied on the order "O3"
    And the "approve" on "L1" relied on the order "O2"
    And the audit trail verifies

  @plan-19-5.2 @plan-19-5.4 @plan-13-5.1
  Scenario: A delegate approves a loan and the order is recorded (project 19, steps 5.2 and 5.4; project 13, step 5.1)
    Before the order takes effect the Deputy may not approve; once it is in force they may,
    and the audit trail names the order.

    When "kanda" starts a "delegation_order" case "O1" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O1" with:
      | order number | 1/2566 |
    And "kanda" fires "circulate" on "O1" with:
      | circular letter number | LP 51001/W 1 |
      | circulated to          | every unit |
    And "surachai" fires "acknowledge" on "O1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "O1" with:
      | announcement number | 1/2566 |
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car L1     |
      | purpose     | meeting off site    |
      | return date | 20 October 2566     |
    And "somsak" fires "check" on "L1"
    Then "surachai" cannot fire "approve" on "L1" because "approving official"
    When today is 2 October 2566
    Then "surachai" may fire "approve" on "L1"
    When "surachai" fires "approve" on "L1"
    Then the case "L1" is in state "approved"
    And the "approve" on "L1" relied on the order "1/2566"
    And the audit trail of "L1" records:
      | actor      | trigger | from    | to       | outcome |
      | surachai   | approve | checked |          | refused |
      | surachai   | approve | checked | approved | moved   |
    And the audit trail verifies

  @plan-19-5.4 @plan-13-5.1
  Scenario: After the order is revoked the delegate may not approve (project 19, step 5.4; project 13, step 5.1)
    When "kanda" starts a "delegation_order" case "O1" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O1" with:
      | order number | 1/2566 |
    And "kanda" fires "circulate" on "O1" with:
      | circular letter number | LP 51001/W 1 |
      | circulated to          | every unit |
    And "surachai" fires "acknowledge" on "O1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "O1" with:
      | announcement number | 1/2566 |
    And today is 5 October 2566
    When "chaiwat" fires "revoke" on "O1" with:
      | reason for ending | the division of work is reorganised |
    Then the case "O1" is in state "revoked"
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car L1     |
      | purpose     | meeting off site    |
      | return date | 20 October 2566     |
    And "somsak" fires "check" on "L1"
    Then "surachai" cannot fire "approve" on "L1" because "approving official"
    And "chaiwat" may fire "approve" on "L1"
    And the audit trail verifies

  @plan-19-5.3 @plan-13-5.1
  Scenario: An acting officer approves while the Chief Executive is away (project 19, step 5.3; project 13, step 5.1)
    The acting officer holds every power of the position, only while the order is in force.

    When "kanda" starts a "delegation_order" case "A1" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 3 October 2566 |
      | valid until        | 5 October 2566 |
      | why the holder is away or unable to act | official travel out of the province |
      | those earlier in precedence who are also away | surachai |
    And "niti" fires "review" on "A1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "A1" with:
      | order number | 5/2566 |
    And "kanda" fires "circulate" on "A1" with:
      | circular letter number | LP 51001/W 5 |
      | circulated to          | every unit |
    And "prayut" fires "acknowledge" on "A1" with:
      | acknowledged by | prayut |
    And "kanda" fires "announce" on "A1" with:
      | announcement number | 5/2566 |
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car L1     |
      | purpose     | meeting off site    |
      | return date | 20 October 2566     |
    And "somsak" fires "check" on "L1"
    Then "prayut" cannot fire "approve" on "L1" because "approving official"
    When today is 3 October 2566
    And "prayut" fires "approve" on "L1"
    Then the case "L1" is in state "approved"
    And the "approve" on "L1" relied on the order "A1"
    When today is 6 October 2566
    Then the case "A1" is in state "expired"
    When "somchai" starts an "asset_lending" case "L2" with:
      | item        | pool car L2     |
      | purpose     | meeting off site    |
      | return date | 20 October 2566     |
    And "somsak" fires "check" on "L2"
    Then "prayut" cannot fire "approve" on "L2" because "approving official"
    And the audit trail verifies

  @plan-19-5.6
  Scenario: A power specific to the executive may not be delegated; it is assigned by an announced order (project 19, step 5.6)
    When "kanda" starts a "delegation_order" case "N1" with:
      | kind of order      | delegation |
      | power              | enact provincial ordinances |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "N1" with:
      | delegable | no |
    Then "chaiwat" cannot fire "sign" on "N1" because "may not be delegated" with:
      | order number | 9/2566 |
    And the case "N1" is in state "reviewed"
    When "kanda" starts a "delegation_order" case "N2" with:
      | kind of order      | assignment to the person directly responsible |
      | power              | enact provincial ordinances |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "N2" with:
      | delegable | no |
    And "chaiwat" fires "sign" on "N2" with:
      | order number | 11/2566 |
    And "kanda" fires "circulate" on "N2" with:
      | circular letter number | LP 51001/W 11 |
      | circulated to          | every unit    |
    And "prayut" fires "acknowledge" on "N2" with:
      | acknowledged by | prayut |
    And "kanda" fires "announce" on "N2" with:
      | announcement number | 11/2566 |
    Then the case "N2" is in state "announced"

  @plan-19-5.5
  Scenario: A power under a special law needs the summary list attached (project 19, step 5.5)
    When "kanda" starts a "delegation_order" case "S1" with:
      | kind of order      | delegation |
      | power              | permit under a special law |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
      | under a special law | yes |
    And "niti" fires "review" on "S1" with:
      | delegable | yes |
    Then "chaiwat" cannot fire "sign" on "S1" because "summary list" with:
      | order number | 7/2566 |
    When "chaiwat" fires "sign" on "S1" with:
      | order number                     | 7/2566 |
      | summary list of delegated powers | building permits under the Building Control Act |
    Then the case "S1" is in state "signed"

  @plan-19-5.9 @plan-23-5.4
  Scenario: A monthly report is overdue and the delegator is told (project 19, step 5.9; project 23, step 5.4)
    When "kanda" starts a "delegation_order" case "O2" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O2" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O2" with:
      | order number | 2/2566 |
    And "kanda" fires "circulate" on "O2" with:
      | circular letter number | LP 51001/W 2 |
      | circulated to          | every unit |
    And "prayut" fires "acknowledge" on "O2" with:
      | acknowledged by | prayut |
    And "kanda" fires "announce" on "O2" with:
      | announcement number | 2/2566 |
    And today is 31 October 2566
    When "prayut" fires "submit monthly report" on "O2" with:
      | report month   | October 2566           |
      | report summary | 3 loans approved       |
    Then "wilai" cannot fire "submit monthly report" on "O2" because "delegate" with:
      | report month   | October 2566 |
      | report summary | -            |
    When today is 30 November 2566
    Then the duty "monthly report under the order" for case "O2" of period "October 2566" of fiscal year 2567 is done on time
    And the duty "monthly report under the order" for case "O2" of period "November 2566" of fiscal year 2567 is due
    When today is 1 December 2566
    Then the case "O2" is in state "in force"
    And the duty "monthly report under the order" for case "O2" of period "November 2566" of fiscal year 2567 is overdue
    And the duty "monthly report under the order" for case "O2" of period "November 2566" of fiscal year 2567 was recorded overdue
    And the audit trail of "O2" records:
      | actor    | trigger               | from      | to       |
      | system   | take effect           | announced | in force |
      | prayut   | submit monthly report | in force  | in force |
    And the report "delegation_orders" for fiscal year 2567 shows:
      | delegates with overdue monthly reports | prayut |
    When "prayut" fires "submit monthly report" on "O2" with:
      | report month   | November 2566   |
      | report summary | 1 loan approved |
    Then the duty "monthly report under the order" for case "O2" of period "November 2566" of fiscal year 2567 is done late
    And the report "delegation_orders" for fiscal year 2567 shows:
      | delegates with overdue monthly reports | - |
    And the audit trail verifies

  @plan-19-5.3 @plan-19-5.4 @plan-23-5.1
  Scenario: Two acting orders for one post holder may not overlap, and order numbers run per calendar year
    A post holder has one acting officer on a day: a second acting order overlapping one
    already signed cannot be signed. Order numbers run within the calendar year and end with
    the B.E. year of issue (the Regulation of the Prime Minister's Office on correspondence):
    an order signed in September 2566 is ".../2566" even when it takes effect in fiscal year 2567.

    When "kanda" starts a "delegation_order" case "A1" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 3 October 2566 |
      | valid until        | 5 October 2566 |
      | why the holder is away or unable to act | official travel out of the province |
      | those earlier in precedence who are also away | surachai |
    And "niti" fires "review" on "A1" with:
      | delegable | yes |
    Then "chaiwat" cannot fire "sign" on "A1" because "B.E. calendar year it is issued in" with:
      | order number | 5/2567 |
    When "chaiwat" fires "sign" on "A1" with:
      | order number | 5/2566 |
    And "kanda" starts a "delegation_order" case "A2" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 5 October 2566 |
      | valid until        | 6 October 2566 |
      | why the holder is away or unable to act | official travel out of the province |
    And "niti" fires "review" on "A2" with:
      | delegable | yes |
    Then "chaiwat" cannot fire "sign" on "A2" because "already covers some of these days" with:
      | order number | 6/2566 |
    When "kanda" starts a "delegation_order" case "A3" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 6 October 2566 |
      | valid until        | 6 October 2566 |
      | why the holder is away or unable to act | official travel out of the province |
    And "niti" fires "review" on "A3" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "A3" with:
      | order number | 6/2566 |
    Then the case "A3" is in state "signed"
    And the case "A2" is in state "reviewed"
    And the audit trail verifies

  @plan-19-5.2 @plan-19-5.4 @plan-19-5.1 @plan-23-5.1
  Scenario: One order delegating to two deputies counts as one order, and the staff are briefed
    One order to two delegates is two cases (one per delegate) but one order against the
    target, counted by its number. Once in force, the staff are told their duties and who
    is responsible (project 19, step 5.1).

    Given "sommai" holds the role "Deputy Chief Executive"
    When "kanda" starts a "delegation_order" case "D1" with:
      | kind of order      | delegation |
      | power              | approve official travel |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "D1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "D1" with:
      | order number | 10/2566 |
    And "kanda" fires "circulate" on "D1" with:
      | circular letter number | LP 51001/W 10 |
      | circulated to          | every unit    |
    And "surachai" fires "acknowledge" on "D1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "D1" with:
      | announcement number | 10/2566 |
    And "kanda" starts a "delegation_order" case "D2" with:
      | kind of order      | delegation |
      | power              | approve official travel |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | sommai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "D2" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "D2" with:
      | order number | 10/2566 |
    And "kanda" fires "circulate" on "D2" with:
      | circular letter number | LP 51001/W 10 |
      | circulated to          | every unit    |
    And "sommai" fires "acknowledge" on "D2" with:
      | acknowledged by | sommai |
    And "kanda" fires "announce" on "D2" with:
      | announcement number | 10/2566 |
    When today is 2 October 2566
    Then the case "D1" is in state "in force"
    And the case "D2" is in state "in force"
    And the report "delegation_orders" for fiscal year 2567 shows:
      | figure            | value   |
      | orders            | 1       |
      | delegates         | 2       |
      | delegation orders | 1       |
      | order numbers     | 10/2566 |
      | target met        | no      |
    When today is 4 October 2566
    And "kanda" fires "brief the staff on duties and responsibilities" on "D1" with:
      | staff briefings on duties and responsibilities | held on=4 October 2566; staff briefed=every head of unit; how=monthly meeting |
    Then the case "D1" is in state "in force"
    And the audit trail of "D1" records:
      | actor | trigger                                         | from     | to       |
      | kanda | brief the staff on duties and responsibilities | in force | in force |
    And the audit trail verifies

  @plan-19-5.3
  Scenario: Acting arises from the holder's absence, in the order of precedence set beforehand (project 19, step 5.3)
    The Chief Executive set the order of precedence beforehand (order 20/2566): the Deputy
    Chief Executive first, then the Palad. When he is away, the acting officer is the first of
    that order who is not also away; someone out of that order is refused, and so is the
    Palad while the Deputy is present.

    Then "kanda" cannot start a "delegation_order" case because "why the holder is away" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 3 October 2566 |
      | valid until        | 4 October 2566 |
    When "kanda" starts a "delegation_order" case "X1" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | prayut |
      | valid from         | 3 October 2566 |
      | valid until        | 4 October 2566 |
      | why the holder is away or unable to act | official travel to Bangkok |
    And "niti" fires "review" on "X1" with:
      | delegable | yes |
    Then "chaiwat" cannot fire "sign" on "X1" because "is not next in the order of precedence" with:
      | order number | 21/2566 |
    When "kanda" starts a "delegation_order" case "X2" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | wilai |
      | valid from         | 3 October 2566 |
      | valid until        | 4 October 2566 |
      | why the holder is away or unable to act | official travel to Bangkok |
    And "niti" fires "review" on "X2" with:
      | delegable | yes |
    Then "chaiwat" cannot fire "sign" on "X2" because "is not in the order of precedence" with:
      | order number | 21/2566 |
    When "kanda" starts a "delegation_order" case "X3" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 3 October 2566 |
      | valid until        | 4 October 2566 |
      | why the holder is away or unable to act | official travel to Bangkok |
    And "niti" fires "review" on "X3" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "X3" with:
      | order number | 21/2566 |
    Then the case "X3" is in state "signed"
    And the case "X1" is in state "reviewed"
    And the audit trail of "X1" records:
      | actor   | trigger | from     | to | outcome |
      | chaiwat | sign    | reviewed |    | refused |
    And the audit trail verifies

  @plan-19-5.3
  Scenario: An acting officer cannot be set for a holder who has no order of precedence in force (project 19, step 5.3)
    When "kanda" starts a "delegation_order" case "X4" with:
      | kind of order      | acting |
      | delegator          | prayut |
      | delegator position | Permanent Secretary |
      | delegate           | wilai |
      | valid from         | 3 October 2566 |
      | valid until        | 3 October 2566 |
      | why the holder is away or unable to act | sick leave |
    And "niti" fires "review" on "X4" with:
      | delegable | yes |
    Then "prayut" cannot fire "sign" on "X4" because "Order of precedence of acting officers" with:
      | order number | 22/2566 |

  @plan-19-5.10 @plan-23-5.4
  Scenario: The year's results are reported with the figures the orders give, not typed ones (project 19, step 5.10; project 23, step 5.4)
    After the fiscal year, the personnel officer reports the results to the Chief Executive,
    who acknowledges the report. The number of orders is not keyed into the report: the
    year's report of results reads the results case of the fiscal year with the orders the
    engine counts (report delegation_year_results). One order took effect in fiscal year 2567:
    the target of not fewer than 4 orders is missed, and the report says so.

    When "kanda" starts a "delegation_order" case "O1" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    And "niti" fires "review" on "O1" with:
      | delegable | yes |
    And "chaiwat" fires "sign" on "O1" with:
      | order number | 1/2566 |
    And "kanda" fires "circulate" on "O1" with:
      | circular letter number | LP 51001/W 1 |
      | circulated to          | every unit |
    And "surachai" fires "acknowledge" on "O1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "O1" with:
      | announcement number | 1/2566 |
    Given today is 1 October 2567
    When "kanda" starts a "delegation_results" case "Y1" with:
      | fiscal year | 2567 |
    Then "kanda" cannot fire "report the results" on "Y1" because "orders in force in the year" with:
      | orders in force in the year | 5 |
      | summary of results          | 5 orders in force |
    When "kanda" fires "report the results" on "Y1" with:
      | summary of results | one delegation order in force; the target of 4 orders is missed |
    And "chaiwat" fires "acknowledge the report" on "Y1" with:
      | instructions | make the assignment and acting orders of the chain |
    Then the case "Y1" is in state "acknowledged"
    And the report "delegation_year_results" for fiscal year 2567 shows:
      | state of the report | ผู้บริหารรับทราบแล้ว |
      | summary of results  | one delegation order in force; the target of 4 orders is missed |
      | orders              | 1      |
      | delegation orders   | 1      |
      | acting orders       | 0      |
      | order numbers       | 1/2566 |
      | target              | 4      |
      | target met          | no     |
    And "kanda" cannot start a "delegation_results" case because "held by another open case" with:
      | fiscal year | 2567 |
    And the audit trail of "Y1" records:
      | actor   | trigger                | from     | to           | outcome |
      | kanda   | report the results     | open     |              | refused |
      | kanda   | report the results     | open     | reported     | moved   |
      | chaiwat | acknowledge the report | reported | acknowledged | moved   |
    And the audit trail verifies

  @plan-19-5.3
  Scenario: A sudden absence the holder cannot sign for: the Palad's Office records it and the acting falls to the next in precedence (project 19, step 5.3)
    The Chief Executive is taken to hospital after a road accident and cannot sign. The acting
    arises by law in the order of precedence he set beforehand (order 20/2566): the Palad's
    Office records the absence, why he cannot sign and the evidence, without his signature,
    and the Deputy Chief Executive, first in the order, acts. Someone out of the order is
    refused, so is a record without the reason, and so is a second acting for the same days.
    Back at work, the Chief Executive acknowledges the acting and ends it.

    Given "malee" holds the role "Palad's Office officer" in the unit "Office of the Palad"
    And today is 4 October 2566
    When "kanda" starts a "delegation_order" case "S0" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | wilai |
      | valid from         | 4 October 2566 |
      | why the holder is away or unable to act | in hospital after a road accident |
    Then "malee" cannot fire "record the holder's absence" on "S0" because "is not in the order of precedence" with:
      | why the holder cannot sign | unconscious in hospital |
      | evidence of the absence    | medical certificate of Lampang Hospital no. 1234/2566 |
    When "kanda" starts a "delegation_order" case "S1" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 4 October 2566 |
      | valid until        | 6 October 2566 |
      | why the holder is away or unable to act | in hospital after a road accident |
    Then "malee" cannot fire "record the holder's absence" on "S1" because "why the holder cannot sign" with:
      | evidence of the absence | medical certificate of Lampang Hospital no. 1234/2566 |
    When "malee" fires "record the holder's absence" on "S1" with:
      | why the holder cannot sign | unconscious in hospital |
      | evidence of the absence    | medical certificate of Lampang Hospital no. 1234/2566 |
    Then the case "S1" is in state "absence recorded"
    When "kanda" starts a "delegation_order" case "S2" with:
      | kind of order      | acting |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 5 October 2566 |
      | valid until        | 5 October 2566 |
      | why the holder is away or unable to act | in hospital after a road accident |
    Then "malee" cannot fire "record the holder's absence" on "S2" because "already covers some of these days" with:
      | why the holder cannot sign | unconscious in hospital |
      | evidence of the absence    | medical certificate of Lampang Hospital no. 1234/2566 |
    When "kanda" fires "circulate" on "S1" with:
      | circular letter number | LP 51001/W 30 |
      | circulated to          | every unit |
    And "surachai" fires "acknowledge" on "S1" with:
      | acknowledged by | surachai |
    And "kanda" fires "announce" on "S1" with:
      | announcement number | 30/2566 |
    And today is 5 October 2566
    Then the case "S1" is in state "in force"
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car L1      |
      | purpose     | meeting off site |
      | return date | 20 October 2566  |
    And "somsak" fires "check" on "L1"
    And "surachai" fires "approve" on "L1"
    Then the case "L1" is in state "approved"
    And the "approve" on "L1" relied on the order "S1"
    When today is 6 October 2566
    And "chaiwat" fires "acknowledge the acting on return" on "S1" with:
      | holder's note on return | back at work on 6 October 2566; the acting is acknowledged |
    And "chaiwat" fires "revoke" on "S1" with:
      | reason for ending | the holder is back at work |
    Then the case "S1" is in state "revoked"
    And the audit trail of "S1" records:
      | actor    | trigger                          | from             | to               | outcome |
      | malee    | record the holder's absence      | drafted          |                  | refused |
      | malee    | record the holder's absence      | drafted          | absence recorded | moved   |
      | kanda    | circulate                        | absence recorded | circulated       | moved   |
      | chaiwat  | acknowledge the acting on return | in force         | in force         | moved   |
      | chaiwat  | revoke                           | in force         | revoked          | moved   |
    And the audit trail verifies

  @plan-19-5.3
  Scenario: Only an acting arises without a signature: a delegation is not recorded by the office (project 19, step 5.3)
    A delegation or an assignment is the delegator's own act and is signed by them; the
    office may record only the absence from which an acting arises by law.

    Given "malee" holds the role "Palad's Office officer" in the unit "Office of the Palad"
    When "kanda" starts a "delegation_order" case "D1" with:
      | kind of order      | delegation |
      | power              | approve loans of government property |
      | delegator          | chaiwat |
      | delegator position | Chief Executive |
      | delegate           | surachai |
      | valid from         | 2 October 2566 |
    Then "malee" cannot fire "record the holder's absence" on "D1" because "only an acting arises without the holder's signature" with:
      | why the holder cannot sign | in hospital |
      | evidence of the absence    | medical certificate |
