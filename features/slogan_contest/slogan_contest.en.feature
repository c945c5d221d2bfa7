Feature: Anti-corruption slogan contest (integrity plan, project 6)
  Project 6 of the Lampang Provincial Administrative Organization's anti-corruption action
  plan, fiscal years B.E. 2566-2570. Owner: the academic section of Wor Kaeo Witthaya
  School. Target group: 50 pupils of the school; budget 5,000 baht. Output: anti-corruption
  slogans. Outcome: children and youth aware and alert to corruption, no less than 80 per
  cent (measured with an evaluation form).

  Method
  item 1 (tag @plan-6-5.1): draft the project for approval.
  item 2 (tag @plan-6-5.2): appoint the contest committee.
  item 3 (tag @plan-6-5.3): reach out to the children and youth to send slogans to the contest.
  item 4 (tag @plan-6-5.4): judge the contest by the criteria Wor Kaeo Witthaya School sets.
  item 5 (tag @plan-6-5.5): decide and give the prizes.
  item 6 (tag @plan-6-5.6): follow up, evaluate and report the results.

  The plan does not write, and this flow adds: a closing day for entries; a judge who is a
  relative or the class teacher of a pupil declares the tie and is recused from that pupil's
  slogan; a prize is recorded only on the committee's resolution. Names are examples.

  The same scenarios as slogan_contest.th.feature.

  Background:
    Given "kru wipa" holds the role "academic teacher in charge" in the unit "Wor Kaeo Witthaya School"
    And "director wirat" holds the role "school director" in the unit "Wor Kaeo Witthaya School"
    And today is 5 June 2567
    And "kru wipa" starts a "slogan_contest" case "K1" with:
      | fiscal year | 2567 |
    And "kru wipa" fires "submit the contest" on "K1" with:
      | contest approval memo | Wor Kaeo Witthaya School memo 50/2567 |
    And today is 7 June 2567
    And "director wirat" fires "approve the contest" on "K1" with:
      | amount approved (baht) | 5,000 |
    And "director wirat" fires "appoint the contest committee" on "K1" with:
      | order     | 20/2567            |
      | chair     | kru somchai        |
      | members   | kru malai, kru prapa |
      | secretary | kru wipa           |
    And today is 10 June 2567
    And "kru wipa" fires "call for slogans" on "K1" with:
      | judging criteria | conveys a clear message against corruption           |
      | judging criteria | at most two lines, the pupil's own, not copied       |
      | call for slogans | Wor Kaeo Witthaya School announcement 7/2567          |
      | entries close on | 21 June 2567                                          |
    And today is 12 June 2567
    And "kru wipa" starts a "slogan_entry" case "E1" with:
      | contest | K1                                   |
      | pupil   | Kaewta Jaisue                        |
      | class   | grade 8                              |
      | slogan  | Honest today and no cheating tomorrow |
    And "kru wipa" starts a "slogan_entry" case "E2" with:
      | contest | K1                                   |
      | pupil   | Kla Handee                           |
      | class   | grade 9                              |
      | slogan  | No cheating, no tolerating, no looking away |

  @plan-6-5.1 @plan-6-5.2 @plan-6-5.3 @plan-6-5.4 @plan-6-5.5 @plan-6-5.6
  Scenario: Fiscal year 2567: the slogans are judged by resolution, the prize given, and 90 per cent of the pupils aware (project 6, items 5.1 to 5.6)
    Given today is 24 June 2567
    Then the case "K1" is in state "judging"
    When "kru somchai" fires "open the judging meeting" on "K1" with:
      | present | kru somchai, kru malai, kru prapa, kru wipa |
    And "kru malai" fires "declare a tie to a pupil" on "K1" with:
      | pupil    | Kaewta Jaisue |
      | relation | mother        |
    And "kru somchai" fires "vote" on "K1" with:
      | pupil | Kaewta Jaisue |
      | vote  | yes           |
    And "kru prapa" fires "vote" on "K1" with:
      | pupil | Kaewta Jaisue |
      | vote  | yes           |
    And "kru somchai" fires "record the resolution" on "K1" with:
      | pupil | Kaewta Jaisue |
    And "kru somchai" fires "vote" on "K1" with:
      | pupil | Kla Handee |
      | vote  | no         |
    And "kru malai" fires "vote" on "K1" with:
      | pupil | Kla Handee |
      | vote  | no         |
    And "kru somchai" fires "record the resolution" on "K1" with:
      | pupil | Kla Handee |
    And "kru somchai" fires "close the judging meeting" on "K1" with:
      | minutes | record of the slogan contest judging 2567 |
    And "kru wipa" fires "record the prize" on "E1" with:
      | prize | first prize |
    And "kru wipa" fires "record no prize" on "E2"
    Given today is 26 June 2567
    When "director wirat" fires "announce and give the prizes" on "K1" with:
      | results announcement | Wor Kaeo Witthaya School announcement 9/2567 |
      | prizes paid (baht)   | 3,000                                        |
    Given today is 24 July 2567
    When "kru wipa" fires "evaluate and report" on "K1" with:
      | survey respondents | 50                                                      |
      | respondents aware  | 45                                                      |
      | results summary    | one anti-corruption slogan; 90 per cent of the pupils aware |
    Then the case "K1" is in state "contest reported"
    And the report "slogan contest results" for fiscal year 2567 shows:
      | figure                      | value                              |
      | slogans entered             | 2                                  |
      | slogans prized              | 1                                  |
      | winning slogans             | Honest today and no cheating tomorrow |
      | pupils aware (%)            | 90                                 |
      | indicator met (80% or more) | yes                                |
      | approved (baht)             | 5,000                              |
      | prizes paid (baht)          | 3,000                              |
    And the audit trail of "E1" records:
      | actor    | trigger          | from    | to      |
      | kru wipa | start            |         | entered |
      | kru wipa | record the prize | entered | prized  |
    And the audit trail verifies

  @plan-6-5.3 @plan-6-5.4 @plan-6-5.5
  Scenario: No entry after the closing day, no vote by a judge related to the pupil, no prize before the resolution (project 6, items 5.3 to 5.5)
    Given today is 24 June 2567
    Then "kru wipa" cannot start a "slogan_entry" case because "taking entries" with:
      | contest | K1                   |
      | pupil   | Ploy Ngamta          |
      | class   | grade 7              |
      | slogan  | Say no to cheating   |
    And "kru wipa" cannot fire "record the prize" on "E1" because "no resolution" with:
      | prize | first prize |
    When "kru somchai" fires "open the judging meeting" on "K1" with:
      | present | kru somchai, kru malai, kru prapa, kru wipa |
    And "kru malai" fires "declare a tie to a pupil" on "K1" with:
      | pupil    | Kaewta Jaisue |
      | relation | mother        |
    Then "kru malai" cannot fire "vote" on "K1" because "mother" with:
      | pupil | Kaewta Jaisue |
      | vote  | yes           |
    And "director wirat" cannot fire "announce and give the prizes" on "K1" because "not judged every entry" with:
      | results announcement | Wor Kaeo Witthaya School announcement 9/2567 |
      | prizes paid (baht)   | 3,000                                        |
    And the audit trail of "K1" records:
      | actor          | trigger                      | from           | to      | outcome |
      | system         | close entries                | taking entries | judging | moved   |
      | kru malai      | vote                         | judging        |         | refused |
      | director wirat | announce and give the prizes | judging        |         | refused |
    And the audit trail verifies

  @plan-6-5.6
  Scenario: Only 70 per cent of the pupils are aware: the 80 per cent indicator is missed (project 6, item 5.6)
    Given today is 24 June 2567
    When "kru somchai" fires "open the judging meeting" on "K1" with:
      | present | kru somchai, kru malai, kru prapa, kru wipa |
    And "kru somchai" fires "vote" on "K1" with:
      | pupil | Kaewta Jaisue |
      | vote  | yes           |
    And "kru prapa" fires "vote" on "K1" with:
      | pupil | Kaewta Jaisue |
      | vote  | yes           |
    And "kru somchai" fires "record the resolution" on "K1" with:
      | pupil | Kaewta Jaisue |
    And "kru somchai" fires "vote" on "K1" with:
      | pupil | Kla Handee |
      | vote  | yes        |
    And "kru prapa" fires "vote" on "K1" with:
      | pupil | Kla Handee |
      | vote  | yes        |
    And "kru somchai" fires "record the resolution" on "K1" with:
      | pupil | Kla Handee |
    And "kru wipa" fires "record the prize" on "E1" with:
      | prize | first prize |
    And "kru wipa" fires "record the prize" on "E2" with:
      | prize | second prize |
    And "director wirat" fires "announce and give the prizes" on "K1" with:
      | results announcement | Wor Kaeo Witthaya School announcement 9/2567 |
      | prizes paid (baht)   | 4,500                                        |
    Given today is 24 July 2567
    When "kru wipa" fires "evaluate and report" on "K1" with:
      | survey respondents | 50                                           |
      | respondents aware  | 35                                           |
      | results summary    | 70 per cent of the pupils aware, below target |
    Then the case "K1" has the data:
      | respondents aware (%) | 70.00 |
      | indicator met         | no    |
    And the report "slogan contest results" for fiscal year 2567 shows:
      | figure                      | value |
      | slogans prized              | 2     |
      | pupils aware (%)            | 70    |
      | indicator met (80% or more) | no    |
    And the audit trail verifies
