Feature: The No Gift Policy, "don't give": gifts given (integrity plan, project 15)
  Project 15 of the Lampang PAO's anti-corruption action plan: the measure is named
  "NO Gift Policy, don't accept, don't give" (method step 5.1, tag @plan-15-5.1), and its
  use is evaluated and followed up (method step 5.5, tag @plan-15-5.5). The flow
  gift_declaration follows gifts received; the flow gift_giving follows the other half,
  giving: an executive, council member or member of staff declares a gift they gave, or a
  request to contribute to one (a collection among staff for a gift to a superior), and the
  supervisor finds it within the policy or a breach. A gift to a superior, another
  official, a stakeholder or anyone who is not a relative is not within the policy: this
  flow's reading of the NACC's guidance for No Gift Policy announcements, not the plan's
  words. The same scenarios as gift_giving.th.feature.

  Background:
    Given today is 3 January 2567
    And "sompong" holds the role "executive"
    And "kanda" holds the role "coordinator" in the unit "Office of the PAO Permanent Secretary"
    And "somchai" holds the role "staff" in the unit "Engineering Division"
    And "somjai" holds the role "staff" in the unit "Finance Division"
    And "somying" holds the role "supervisor" in the unit "Engineering Division"

  @plan-15-5.1 @plan-15-5.5
  Scenario: A member of staff asked to join a collection for a New Year gift declines, within the policy (project 15, steps 5.1 and 5.5)
    When "somchai" starts a "gift_giving" case "G1" with:
      | receiver                 | the director of the Engineering Division |
      | relation to the receiver | superior                                  |
      | what happened            | asked to contribute and declined          |
      | occasion                 | New Year 2567                             |
      | gift or benefit          | a collection of 200 baht each for a gift  |
      | estimated value (baht)   | 200                                       |
      | date given or asked      | 2 January 2567                            |
    And "kanda" fires "review" on "G1" with:
      | review note | declined at once |
    Then "somying" cannot fire "find a breach" on "G1" because "declined to contribute" with:
      | decision note              | - |
      | action taken on the breach | - |
    When "somying" fires "find it within the policy" on "G1" with:
      | decision note | declining is what the policy asks |
    Then the case "G1" is in state "within the policy"
    And the report "gifts given" for fiscal year 2567 shows:
      | declarations            | 1   |
      | asked and declined      | 1   |
      | within the policy       | 1   |
      | breaches                | 0   |
      | no gift given in breach | yes |
    And the audit trail verifies

  @plan-15-5.5
  Scenario: A gift given to a superior is not within the policy; it is found a breach and the indicator is missed (project 15, step 5.5)
    Nobody declares for someone else, nor reviews or decides on their own declaration. A
    gift given to a superior cannot be found within the policy; the supervisor records the
    breach and what was done, and the year's figures show it.

    Then "somjai" cannot start a "gift_giving" case because "declares in person" with:
      | giver                    | somchai                |
      | receiver                 | the Permanent Secretary |
      | relation to the receiver | superior               |
      | what happened            | given                  |
      | occasion                 | New Year 2567          |
      | gift or benefit          | a basket of wine       |
      | estimated value (baht)   | 2,500                  |
      | date given or asked      | 2 January 2567         |
    When "somchai" starts a "gift_giving" case "G2" with:
      | receiver                 | the Permanent Secretary |
      | relation to the receiver | superior               |
      | what happened            | given                  |
      | occasion                 | New Year 2567          |
      | gift or benefit          | a basket of wine       |
      | estimated value (baht)   | 2,500                  |
      | date given or asked      | 2 January 2567         |
    Then "somchai" cannot fire "review" on "G2" because "coordinator" with:
      | review note | my own |
    When "kanda" fires "review" on "G2" with:
      | review note | a gift to a superior |
    Then "somying" cannot fire "find it within the policy" on "G2" because "relation to the receiver" with:
      | decision note | it is customary |
    When "somying" fires "find a breach" on "G2" with:
      | decision note              | a gift to a superior is against the policy  |
      | action taken on the breach | warned in writing; the gift to be taken back |
    Then the case "G2" is in state "breach of the policy"
    And the report "gifts given" for fiscal year 2567 shows:
      | declarations            | 1     |
      | given to superiors      | 1     |
      | breaches                | 1     |
      | value given (baht)      | 2,500 |
      | no gift given in breach | no    |
    And the audit trail of "G2" records:
      | actor   | trigger                   | from     | to                   | outcome |
      | somchai | start                     |          | declared             | moved   |
      | somchai | review                    | declared |                      | refused |
      | kanda   | review                    | declared | reviewed             | moved   |
      | somying | find it within the policy | reviewed |                      | refused |
      | somying | find a breach             | reviewed | breach of the policy | moved   |
    And the audit trail verifies
