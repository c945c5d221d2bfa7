Feature: The provincial inspection of finance, accounts and supplies (integrity plan, project 37)
  Project 37 (added) of the Lampang Provincial Administrative Organization's
  anti-corruption action plan, fiscal years B.E. 2566-2570: the activity "strengthening
  transparency in Lampang PAO's official operations". Owner: the Finance Division. Under
  the Ministry of Interior regulation on LAO money, B.E. 2547, clause 104, the Provincial
  Office of Local Administration inspects at least once a year.

  Method item 1 (tag @plan-37-5.1): the letter announcing the inspection arrives from the
  Lampang Provincial Office of Local Administration; the executive is informed and every
  unit told to prepare.
  Method item 2 (tag @plan-37-5.2): the data and documents of form TS.2 are prepared.
  Method item 3 (tag @plan-37-5.3): the venue and facilities are prepared for the inspectors.
  Method item 4 (tag @plan-37-5.4): during the inspection, Finance Division staff assist the
  inspectors and route their questions to the units.
  Method item 5 (tag @plan-37-5.5): the result is reported to the executive.

  The same scenario as provincial_inspection.th.feature.

  Background:
    Given today is 2 October 2566
    And "suda" holds the role "finance officer" in the unit "กองคลัง"
    And "manop" holds the role "finance officer" in the unit "กองคลัง"
    And "sompong" holds the role "executive"
    And "wandee" holds the role "head of unit" in the unit "กองช่าง"
    And "anan" holds the role "head of unit" in the unit "กองพัสดุและทรัพย์สิน"

  @plan-37-5.1 @plan-37-5.2 @plan-37-5.3 @plan-37-5.4 @plan-37-5.5
  Scenario: The inspection by the Lampang Provincial Office of Local Administration, fiscal year 2567 (project 37, items 1 to 5)
    The Finance Division registers the letter and informs the executive, who acknowledges
    it, and every unit is told (item 1); the units send their TS.2 documents until the pack
    is complete (item 2); the venue is prepared (item 3); the finance officer who receives
    the inspectors is their liaison and routes their questions (item 4); the result is
    reported to the executive (item 5).

    When "suda" starts a "provincial_inspection" case "inspection 2567" with:
      | letter number   | LP 0023.3/1234    |
      | letter date     | 29 September 2566 |
      | inspection date | 13 November 2566  |
    Then the case is in state "letter received"
    And "manop" cannot start a "provincial_inspection" case because "already been registered" with:
      | letter number   | LP 0023.3/1234    |
      | letter date     | 29 September 2566 |
      | inspection date | 13 November 2566  |
    When "suda" fires "inform the executive" with:
      | memo to the executive | Finance Division memo LP 51003/456 |
    Then "suda" cannot fire "acknowledge" because "executive"
    When "sompong" fires "acknowledge" with:
      | executive's note | noted; every unit prepares complete data |
    And "suda" fires "tell every unit to prepare" with:
      | circular to all units | LP 51003/W 789 |
    Then the case is in state "preparing documents"
    And "suda" cannot fire "complete the TS.2 pack" because "no TS.2 document" with:
      | TS.2 pack | TS.2 files |
    When "wandee" fires "record TS.2 documents" with:
      | TS.2 documents | construction contracts and acceptance forms, Engineering Division |
    And "anan" fires "record TS.2 documents" with:
      | TS.2 documents | supply registers and procurement reports, Procurement and Assets Division |
    And "suda" fires "record TS.2 documents" with:
      | TS.2 documents | statement of financial position and cash reports, Finance Division |
    And "suda" fires "complete the TS.2 pack" with:
      | TS.2 pack | 3 files of TS.2 documents |
    And "suda" fires "prepare the venue" with:
      | venue | Finance Division meeting room, 2nd floor |
    Then the case is in state "ready"

    Given today is 13 November 2566
    When "suda" fires "receive the inspectors" with:
      | inspectors | 3 officers of the Lampang Provincial Office of Local Administration |
    Then "manop" cannot fire "record a query" because "liaison" with:
      | queries | acceptance evidence requested |
    When "suda" fires "record a query" with:
      | queries | supervision log of the Ban Mai road requested; the Engineering Division sent it |
    Given today is 24 November 2566
    And "suda" fires "receive the result" with:
      | result letter     | LP 0023.3/1500                                                   |
      | inspection result | no material weakness; keep acceptance documents in better order |
    And "suda" fires "report to the executive" with:
      | report to the executive | Finance Division memo LP 51003/512 |
    Then the case is in state "reported"
    And the case has the data:
      | acknowledged on       | 2 October 2566   |
      | units notified on     | 2 October 2566   |
      | inspection started on | 13 November 2566 |
      | reported on           | 24 November 2566 |
    And the report "provincial_inspections" for fiscal year 2567 shows:
      | inspections               | 1              |
      | letters                   | LP 0023.3/1234 |
      | reported to the executive | LP 0023.3/1234 |
      | findings to remedy        | 0              |
      | inspected at least once   | yes            |
    And the report "provincial inspections" for fiscal year 2568 shows:
      | inspections             | 0  |
      | inspected at least once | no |
    And the audit trail records:
      | actor   | trigger                    | from                | to                  | outcome |
      | suda    | register the letter        |                     | letter received     | moved   |
      | suda    | inform the executive       | letter received     | executive informed  | moved   |
      | suda    | acknowledge                | executive informed  |                     | refused |
      | sompong | acknowledge                | executive informed  | acknowledged        | moved   |
      | suda    | tell every unit to prepare | acknowledged        | preparing documents | moved   |
      | wandee  | record TS.2 documents      | preparing documents | preparing documents | moved   |
      | suda    | complete the TS.2 pack     | preparing documents | documents ready     | moved   |
      | suda    | prepare the venue          | documents ready     | ready               | moved   |
      | suda    | receive the inspectors     | ready               | inspecting          | moved   |
      | manop   | record a query             | inspecting          |                     | refused |
      | suda    | record a query             | inspecting          | inspecting          | moved   |
      | suda    | receive the result         | inspecting          | result received     | moved   |
      | suda    | report to the executive    | result received     | reported            | moved   |
    When "suda" fires "record the findings to remedy" with:
      | findings to remedy | finding=file the acceptance records properly; unit responsible=Public Works Division; remedy due=29 December 2566 |
    Then "suda" cannot fire "report the remedies and close" because "has not been remedied yet" with:
      | letter reporting the remedies | LP 51003/600 |
    And the report "provincial_inspections" for fiscal year 2567 shows:
      | findings to remedy | 1 |
      | findings remedied  | 0 |
    Given today is 15 December 2566
    When "wandee" fires "record a remedy" with:
      | findings to remedy | finding=file the acceptance records properly; remedied on=15 December 2566; evidence of the remedy=acceptance files ordered by contract |
    And "suda" fires "report the remedies and close" with:
      | letter reporting the remedies | LP 51003/600 |
    Then the case is in state "findings remedied and closed"
    And the report "provincial_inspections" for fiscal year 2567 shows:
      | findings to remedy        | 1              |
      | findings remedied         | 1              |
      | reported to the executive | LP 0023.3/1234 |
    And the audit trail verifies

  @plan-37-5.1
  Scenario: A letter for an inspection that never happened does not count as an inspection
    Registering the letter is not being inspected: an inspection counts once the inspectors
    came.

    When "suda" starts a "provincial_inspection" case "inspection 2568" with:
      | letter number   | LP 0023.3/2000   |
      | letter date     | 2 October 2566   |
      | inspection date | 4 December 2566  |
    And "suda" fires "inform the executive" with:
      | memo to the executive | Finance Division memo LP 51003/490 |
    Then the report "provincial_inspections" for fiscal year 2567 shows:
      | inspections             | 0              |
      | letters                 | LP 0023.3/2000 |
      | not inspected yet       | LP 0023.3/2000 |
      | inspected at least once | no             |
    And the audit trail verifies
