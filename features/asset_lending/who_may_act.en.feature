Feature: Who may act on a loan: the directory of people and posts (integrity plan, project 13)
  Project 13, method step 5.1 (tag @plan-13-5.1): a request and approval that are open
  and auditable, which they are only if the trail names people as they are. With a
  directory, each person's roles and unit on the day come from their posts; a role the
  directory does not give is refused and recorded (docs/directory.md). The same scenarios
  as who_may_act.th.feature.

  Background:
    Given today is 2 October 2566
    And the directory:
      | id      | name          | post            | unit                            | from       | to         | roles          | acting       | holders |
      | somchai | Somchai Jaidee | finance_officer | Finance Division                | 2019-06-01 |            | staff          |              |         |
      | somsak  | Somsak Mankong | asset_officer   | Procurement and Assets Division | 2020-01-15 |            | custodian      |              |         |
      | somying | Somying Rakngan | chief_executive | Office of the Permanent Secretary | 2023-05-01 |          | approver       |              | one     |
      | pranee  | Pranee Jaisue  | chief_executive | Office of the Permanent Secretary | 2023-11-01 | 2023-11-10 |              | order 1234/2566 |      |
      | somporn | Somporn Thammadee | palad         | Office of the Permanent Secretary | 2022-01-01 |            | executive      |              |         |
    And "somsak" starts an "asset_rules" case "R2567" with:
      | fiscal year | 2567 |
    And "somsak" fires "submit the rules" on "R2567" with:
      | announcement title       | rules on using and borrowing government property   |
      | borrowing request form   | loan request form (internal and outside borrowers) |
      | covers outside borrowers | yes                                                |
    And "somporn" fires "approve the rules" on "R2567" with:
      | announcement number | 11/2566 |

  @plan-13-5.1
  Scenario: The directory, not the request, says who may approve
    When "somchai" starts an "asset_lending" case "L1" with:
      | item        | pool car 1234    |
      | purpose     | meeting in Thoen |
      | return date | 5 October 2566   |
    And "somsak" fires "check"
    Given "Somchai" holds the role "approving official"
    Then "Somchai" cannot fire "approve" because "directory"
    And "pranee" cannot fire "approve" because "approving official"
    When "somying" fires "approve"
    Then the case is in state "approved"
    And the audit trail records:
      | actor   | trigger | from      | to       | outcome |
      | somchai | approve | checked   |          | refused |
      | pranee  | approve | checked   |          | refused |
      | somying | approve | checked   | approved | moved   |

  @plan-13-5.1
  Scenario: An acting Chief Executive approves while the acting order runs
    Given today is 3 November 2566
    When "somchai" starts an "asset_lending" case "L2" with:
      | item        | pool car 1234    |
      | purpose     | meeting in Thoen |
      | return date | 5 November 2566  |
    And "somsak" fires "check"
    And "pranee" fires "approve"
    Then the case is in state "approved"
