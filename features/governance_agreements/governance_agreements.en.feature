Feature: Good-governance performance agreements (integrity plan, project 22)
  Measure "good-governance performance agreements", anti-corruption action plan of Lampang
  PAO, fiscal years B.E. 2566-2570. Owner: every division.
  Target group: the PAO's staff, 357 people.
  Output: good-governance agreements are made at the individual level.

  Method
  item 1 (tag @plan-22-5.1): prepare the measure.
  item 2 (tag @plan-22-5.2): issue the announcement and the guidelines.
  item 3 (tag @plan-22-5.3): every unit makes an agreement with the local executive with
  governance indicators, made as individual agreements between superiors and subordinates:
  the executive and the division directors, the division directors and the section heads,
  the section heads and their staff.
  item 4 (tag @plan-22-5.4): compile every unit's agreements for the executive's approval.
  item 5 (tag @plan-22-5.5): brief every unit to act on them.
  item 6 (tag @plan-22-5.6): evaluate performance against the agreements.
  item 7 (tag @plan-22-5.7): report the results.

  The plan does not say who approves the measure: here the local executive, and not its
  drafter. Each agreement is a child case of the year, signed by the superior and the
  subordinate in person. The roster in these scenarios holds a few people as an example.

  The same scenarios as governance_agreements.th.feature.

  Background:
    Given today is 2 October 2566
    And "malee" holds the role "coordinator" in the unit "Personnel Division"
    And "sompong" holds the roles "local executive" and "party"
    And "prasit" holds the role "party" in the unit "Office of the PAO Permanent Secretary"
    And "kanda" holds the role "party" in the unit "Finance Division"
    And "wanna" holds the role "party" in the unit "Finance Division"
    And "suda" holds the role "party" in the unit "Finance Division"

  @plan-22-5.1 @plan-22-5.2 @plan-22-5.3 @plan-22-5.4 @plan-22-5.5 @plan-22-5.6 @plan-22-5.7
  Scenario: The good-governance agreements of fiscal year 2567, from the measure to the report (items 1 to 7)
    The Personnel Division prepares the measure and the local executive approves it (item 1)
    and signs the announcement and guidelines (item 2). The Finance Division makes its
    agreement with the local executive, and individual agreements are made at the three
    levels, each signed by both parties (item 3). The set is submitted and approved (item 4);
    every unit is briefed (item 5); every agreement is evaluated by its superior (item 6);
    the results are reported (item 7).

    When "malee" starts a "governance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" on "Y2567" with:
      | measure title | good-governance agreements measure, fiscal year 2567 |
      | approval memo | Personnel Division memo LP 51003/115                 |
    Then the case "Y2567" is in state "measure submitted"

    Given today is 4 October 2566
    When "sompong" fires "approve the measure" on "Y2567"

    Given today is 9 October 2566
    When "sompong" fires "sign the announcement and guidelines" on "Y2567" with:
      | announcement number | 18/2566 |
      | guidelines          | every unit makes its agreement with the local executive, and individual agreements at every level, in October |
    And "malee" fires "record the roster" on "Y2567" with:
      | target group roster | kanda, wanna, suda |
    Then the case "Y2567" is in state "announced: making agreements"

    Given today is 16 October 2566
    When "malee" starts a "governance_agreement" case "A1" with:
      | level       | unit and local executive |
      | unit        | Finance Division |
      | superior    | sompong |
      | subordinate | kanda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "kanda" fires "sign as the subordinate" on "A1"
    And "sompong" fires "sign as the superior" on "A1"
    When "malee" starts a "governance_agreement" case "A2" with:
      | level       | executive and division director |
      | unit        | Finance Division |
      | superior    | prasit |
      | subordinate | kanda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "kanda" fires "sign as the subordinate" on "A2"
    And "prasit" fires "sign as the superior" on "A2"
    When "malee" starts a "governance_agreement" case "A3" with:
      | level       | division director and section head |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | wanna |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "wanna" fires "sign as the subordinate" on "A3"
    And "kanda" fires "sign as the superior" on "A3"
    When "malee" starts a "governance_agreement" case "A4" with:
      | level       | section head and staff |
      | unit        | Finance Division |
      | superior    | wanna |
      | subordinate | suda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "wanna" fires "sign as the superior" on "A4"
    Then the case "A4" is in state "signed by the superior"
    When "suda" fires "sign as the subordinate" on "A4"
    Then the case "A4" is in state "signed by both"
    And the case "A4" has the data:
      | signed by the superior on    | 16 October 2566 |
      | signed by the subordinate on | 16 October 2566 |

    Given today is 1 November 2566
    When "malee" fires "submit the agreements" on "Y2567" with:
      | submission memo | Personnel Division memo LP 51003/140 |
    Given today is 3 November 2566
    When "sompong" fires "approve the agreements" on "Y2567"
    Given today is 6 November 2566
    When "malee" fires "brief every unit" on "Y2567" with:
      | briefing date      | 6 November 2566                          |
      | briefing attendees | 35                                       |
      | briefing minutes   | minutes of the briefing on the agreements 1/2567 |
    Then the case "Y2567" is in state "in force"

    Given today is 2 September 2567
    When "sompong" fires "evaluate the agreement" on "A1" with:
      | result          | met |
      | evaluator's note | no complaint about the Finance Division's work |
    And "prasit" fires "evaluate the agreement" on "A2" with:
      | result          | met |
      | evaluator's note | every indicator kept |
    And "kanda" fires "evaluate the agreement" on "A3" with:
      | result          | met |
      | evaluator's note | every indicator kept |
    And "wanna" fires "evaluate the agreement" on "A4" with:
      | result          | partly met |
      | evaluator's note | serves in queue order but the steps are not published yet |
    And "malee" fires "close the evaluation" on "Y2567" with:
      | evaluation summary | 3 agreements met, 1 partly met |
    Given today is 16 September 2567
    When "malee" fires "report the results" on "Y2567" with:
      | results summary | every person of the target group has an agreement; every agreement evaluated |
    Then the case "Y2567" is in state "results reported"
    And the report "governance_agreements" for fiscal year 2567 shows:
      | figure                                 | value   |
      | announcement number                    | 18/2566 |
      | unit agreements signed                 | 1       |
      | individual agreements signed           | 3       |
      | people on the roster                   | 3       |
      | people with an individual agreement    | 3       |
      | roster covered (%)                     | 100     |
      | every person has an agreement          | yes     |
      | people without an individual agreement | -       |
      | agreements approved                    | yes     |
      | agreements evaluated                   | 4       |
      | agreements met                         | 3       |
      | results reported                       | yes     |
    And the audit trail of "A4" records:
      | actor | trigger                 | from                   | to                     |
      | malee | draft the agreement     |                        | drafted                |
      | wanna | sign as the superior    | drafted                | signed by the superior |
      | suda  | sign as the subordinate | signed by the superior | signed by both         |
      | wanna | evaluate the agreement  | signed by both         | agreement evaluated    |
    And the audit trail verifies

  @plan-22-5.1 @plan-22-5.3 @plan-22-5.4 @plan-22-5.6
  Scenario: An agreement signed by one party cannot be submitted, a party cannot sign for the other, and nothing is evaluated before it is in force (items 1, 3, 4 and 6)
    The measure's drafter may not approve it. Suda may not sign her own agreement as the
    superior, nor Kanda one that does not name her. An agreement the subordinate signed but
    the superior has not keeps the set from being submitted. The superior may not evaluate
    before the agreements are briefed. One person has one agreement at a level in a year.

    Given "manop" holds the roles "coordinator" and "local executive"
    When "manop" starts a "governance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "manop" fires "submit the measure" on "Y2567" with:
      | measure title | good-governance agreements measure, fiscal year 2567 |
      | approval memo | Personnel Division memo LP 51003/115                 |
    Then "manop" cannot fire "approve the measure" on "Y2567" because "drafter of the measure"
    When "sompong" fires "approve the measure" on "Y2567"
    And "sompong" fires "sign the announcement and guidelines" on "Y2567" with:
      | announcement number | 18/2566 |
      | guidelines          | every unit makes its agreement with the local executive, and individual agreements at every level, in October |
    And "malee" fires "record the roster" on "Y2567" with:
      | target group roster | wanna, suda |
    And "malee" starts a "governance_agreement" case "A4" with:
      | level       | section head and staff |
      | unit        | Finance Division |
      | superior    | wanna |
      | subordinate | suda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    Then "malee" cannot start a "governance_agreement" case because "already has an agreement at this level" with:
      | level       | section head and staff |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | suda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "suda" cannot fire "sign as the superior" on "A4" because "superior"
    And "kanda" cannot fire "sign as the subordinate" on "A4" because "subordinate"
    When "suda" fires "sign as the subordinate" on "A4"
    Then the case "A4" is in state "signed by the subordinate"
    And "malee" cannot fire "submit the agreements" on "Y2567" because "signed by both parties" with:
      | submission memo | Personnel Division memo LP 51003/140 |
    And "wanna" cannot fire "evaluate the agreement" on "A4" because "signed by the subordinate" with:
      | result           | met                  |
      | evaluator's note | every indicator kept |
    When "wanna" fires "sign as the superior" on "A4"
    And "malee" fires "submit the agreements" on "Y2567" with:
      | submission memo | Personnel Division memo LP 51003/140 |
    And "sompong" fires "approve the agreements" on "Y2567"
    Then "wanna" cannot fire "evaluate the agreement" on "A4" because "not in force yet" with:
      | result           | met                  |
      | evaluator's note | every indicator kept |
    And the case "A4" is in state "signed by both"
    And the audit trail of "A4" records:
      | actor | trigger                 | from                      | to                        | outcome |
      | malee | draft the agreement     |                           | drafted                   | moved   |
      | suda  | sign as the superior    | drafted                   |                           | refused |
      | kanda | sign as the subordinate | drafted                   |                           | refused |
      | suda  | sign as the subordinate | drafted                   | signed by the subordinate | moved   |
      | wanna | evaluate the agreement  | signed by the subordinate |                           | refused |
      | wanna | sign as the superior    | signed by the subordinate | signed by both            | moved   |
      | wanna | evaluate the agreement  | signed by both            |                           | refused |
    And the audit trail verifies

  @plan-22-5.3 @plan-22-5.4 @plan-22-5.5 @plan-22-5.6 @plan-22-5.7
  Scenario: Some people of the target group have no individual agreement: the roster is not covered (items 3 to 7)
    The roster holds 4 people and 3 have a signed individual agreement; Chaiwat has none. The
    set is submitted and approved, but the report shows 75 per cent covered and names who has
    no agreement. One agreement is not met.

    When "malee" starts a "governance_agreements" case "Y2567" with:
      | fiscal year | 2567 |
    And "malee" fires "submit the measure" on "Y2567" with:
      | measure title | good-governance agreements measure, fiscal year 2567 |
      | approval memo | Personnel Division memo LP 51003/115                 |
    And "sompong" fires "approve the measure" on "Y2567"
    And "sompong" fires "sign the announcement and guidelines" on "Y2567" with:
      | announcement number | 18/2566 |
      | guidelines          | every unit makes its agreement with the local executive, and individual agreements at every level, in October |
    And "malee" fires "record the roster" on "Y2567" with:
      | target group roster | kanda, wanna, suda, chaiwat |
    And "malee" starts a "governance_agreement" case "A2" with:
      | level       | executive and division director |
      | unit        | Finance Division |
      | superior    | prasit |
      | subordinate | kanda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "kanda" fires "sign as the subordinate" on "A2"
    And "prasit" fires "sign as the superior" on "A2"
    And "malee" starts a "governance_agreement" case "A3" with:
      | level       | division director and section head |
      | unit        | Finance Division |
      | superior    | kanda |
      | subordinate | wanna |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "wanna" fires "sign as the subordinate" on "A3"
    And "kanda" fires "sign as the superior" on "A3"
    And "malee" starts a "governance_agreement" case "A4" with:
      | level       | section head and staff |
      | unit        | Finance Division |
      | superior    | wanna |
      | subordinate | suda |
      | governance indicators | indicator=perform duties fairly, without discrimination; target=no complaint of discrimination |
      | governance indicators | indicator=no personal benefit asked in exchange for a service; target=no complaint of a bribe asked |
    And "suda" fires "sign as the subordinate" on "A4"
    And "wanna" fires "sign as the superior" on "A4"
    And "malee" fires "submit the agreements" on "Y2567" with:
      | submission memo | Personnel Division memo LP 51003/140 |
    And "sompong" fires "approve the agreements" on "Y2567"
    And "malee" fires "brief every unit" on "Y2567" with:
      | briefing date      | 2 October 2566 |
      | briefing attendees | 30             |
      | briefing minutes   | minutes of the briefing on the agreements 1/2567 |

    Given today is 2 September 2567
    When "prasit" fires "evaluate the agreement" on "A2" with:
      | result          | met |
      | evaluator's note | every indicator kept |
    And "kanda" fires "evaluate the agreement" on "A3" with:
      | result          | met |
      | evaluator's note | every indicator kept |
    Then "malee" cannot fire "close the evaluation" on "Y2567" because "not been evaluated yet" with:
      | evaluation summary | 2 agreements evaluated |
    When "wanna" fires "evaluate the agreement" on "A4" with:
      | result          | not met |
      | evaluator's note | one complaint of service out of queue order |
    And "malee" fires "close the evaluation" on "Y2567" with:
      | evaluation summary | 2 agreements met, 1 not met |
    And "malee" fires "report the results" on "Y2567" with:
      | results summary | 3 of the 4 people of the target group have an agreement |
    Then the report "governance_agreements" for fiscal year 2567 shows:
      | figure                                 | value   |
      | individual agreements signed           | 3       |
      | people on the roster                   | 4       |
      | people with an individual agreement    | 3       |
      | roster covered (%)                     | 75      |
      | every person has an agreement          | no      |
      | people without an individual agreement | chaiwat |
      | agreements evaluated                   | 3       |
      | agreements met                         | 2       |
    And the audit trail verifies
