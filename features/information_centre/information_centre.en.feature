Feature: The Information Centre and requests for official information (integrity plan, project 8)
  Measure: improving and developing the Information Centre to disseminate information to the public.
  Responsible: Tourism Promotion Section, Office of the PAO Permanent Secretary.
  Output: at least 5 channels. Outcome: users' satisfaction of at least 80 per cent.

  Method (printed as items 6.1 to 6.9)
  step 5.1 (tag @plan-8-5.1): set up a working group to improve the agency's Information Centre.
  step 5.2 (tag @plan-8-5.2): appoint the officers responsible for the Information Centre.
  step 5.3 (tag @plan-8-5.3): set up a public relations unit at the office.
  step 5.4 (tag @plan-8-5.4): media on the organisation's roles and powers on the website and other media.
  step 5.5 (tag @plan-8-5.5): data on its operations and performance published to the public.
  step 5.6 (tag @plan-8-5.6): channels for the public to ask, request information or comment.
  step 5.7 (tag @plan-8-5.7): improve the dedicated phone line and/or call centre.
  step 5.8 (tag @plan-8-5.8): internet service for the public.
  step 5.9 (tag @plan-8-5.9): statistics of visitors and their suggestions, summarised for the executive.

  Requests for official information under the Official Information Act B.E. 2540 are answered within
  15 days; a refusal states the right of appeal (section 15), which runs 15 days (section 18).

  The same scenarios as information_centre.th.feature.

  Background:
    Given today is 2 October 2566
    And "siri" holds the role "information officer" in the unit "Office of the PAO Permanent Secretary"
    And "chaiwat" holds the role "executive"
    And "wichai" holds the role "official who decides"

  @plan-8-5.1 @plan-8-5.2 @plan-8-5.3 @plan-8-5.4 @plan-8-5.5 @plan-8-5.6 @plan-8-5.7 @plan-8-5.8 @plan-8-5.9
  Scenario: The Information Centre of fiscal year 2567 from the working group to the summary for the executive (project 8, steps 5.1 to 5.9)
    When "siri" starts an "information_centre" case "IC2567" with:
      | fiscal year | 2567 |
    Given today is 4 October 2566
    When "chaiwat" fires "appoint the working group" on "IC2567" with:
      | order | 149/2566 |
      | chair | wichai |
      | members | kanda, amnat |
      | secretary | siri |
    And "chaiwat" fires "appoint the officers" on "IC2567" with:
      | order appointing the officers | 150/2566 |
      | officers of the centre | siri and 12 staff of the Tourism Promotion Section |
    Given today is 9 October 2566
    When "siri" fires "set up the PR unit" on "IC2567" with:
      | public relations unit | PR desk, ground floor of the office |
    And "siri" fires "open the channels" on "IC2567" with:
      | phone line or call centre | 0 5426 5100 |
      | internet service for the public | Wi-Fi and two computers at the centre |
      | channels for the public | channel=dedicated phone line |
      | channels for the public | channel=responsible officer |
      | channels for the public | channel=one-stop service centre |
      | channels for the public | channel=comment box |
      | channels for the public | channel=website |
    Then the case "IC2567" is in state "serving"
    Given today is 16 October 2566
    When "siri" fires "publish media and data" on "IC2567" with:
      | media and operations data | item=roles and powers of the PAO; kind=roles and powers; published on=16 October 2566 |
      | media and operations data | item=procurement summary of September 2566; kind=operations and performance; published on=16 October 2566 |
    Given today is 1 November 2566
    When "siri" starts an "information_request" case "R1" with:
      | requester | Prasit Chaolampang |
      | information requested | the contract for the Ban Pa Tan road |
      | received on | 1 November 2566 |
    Given today is 8 November 2566
    When "siri" fires "provide the information" on "R1" with:
      | provided as | certified copy of the contract |
    Then the duty "information request answered" of period "R1" of fiscal year 2567 is done on time
    Given today is 1 December 2566
    When "siri" fires "record visitor statistics" on "IC2567" with:
      | visitor statistics | month=1 October 2566; visitors=120; requests=0 |
      | visitor statistics | month=1 November 2566; visitors=95; requests=1; suggestions=more parking |
    Given today is 27 September 2567
    When "siri" fires "report to the executive" on "IC2567" with:
      | summary to the executive | Office memo LP 51001/1910 |
      | users' satisfaction (%) | 86.50 |
    Then the case "IC2567" is in state "reported"
    And the report "Information Centre" for fiscal year 2567 shows:
      | channels | 5 |
      | at least five channels | yes |
      | visitors in the year | 215 |
      | requests for information | 1 |
      | requests provided | 1 |
      | requests answered late or not yet | 0 |
      | users' satisfaction (%) | 86.50 |
      | satisfaction of at least 80% | yes |
    And the duty "centre statistics reported" of period "fiscal year 2567" of fiscal year 2567 is done on time
    And the audit trail verifies

  @plan-8-5.6
  Scenario: A refusal states the right of appeal, and one not appealed within 15 days is closed (project 8, step 5.6)
    When "siri" starts an "information_request" case "R1" with:
      | requester | Malai Jai-ngam |
      | information requested | the leave record of an employee |
      | received on | 2 October 2566 |
    And "siri" starts an "information_request" case "R2" with:
      | requester | Saman Jaidee |
      | information requested | an internal note on choosing a contractor |
      | received on | 2 October 2566 |
    Then "wichai" cannot fire "refuse" on "R1" because "right to appeal" with:
      | ground of refusal | section 15 (5): personal information |
      | reasons of the order | personal information of an employee |
    When "wichai" fires "refuse" on "R1" with:
      | ground of refusal | section 15 (5): personal information |
      | reasons of the order | personal information of an employee |
      | right of appeal notified | yes |
    And "wichai" fires "refuse" on "R2" with:
      | ground of refusal | section 15 (3): internal opinion |
      | reasons of the order | an internal opinion not yet settled |
      | right of appeal notified | yes |
    Given today is 16 October 2566
    When "siri" fires "record the appeal" on "R2" with:
      | appealed on | 16 October 2566 |
    Then the case "R2" is in state "appealed"
    When "siri" fires "record the decision" on "R2" with:
      | tribunal's decision | disclosure ordered |
    Given today is 20 October 2566
    Then the case "R1" is in state "closed without appeal"
    And "siri" cannot fire "record the appeal" on "R1" because "closed" with:
      | appealed on | 20 October 2566 |
    And the audit trail verifies

  @plan-8-5.6 @plan-8-5.9
  Scenario: A request not answered within 15 days, and a centre that never reported (project 8, steps 5.6 and 5.9)
    When "siri" starts an "information_centre" case "IC2567" with:
      | fiscal year | 2567 |
    And "chaiwat" fires "appoint the working group" on "IC2567" with:
      | order | 149/2566 |
      | chair | wichai |
      | members | kanda, amnat |
      | secretary | siri |
    And "chaiwat" fires "appoint the officers" on "IC2567" with:
      | order appointing the officers | 150/2566 |
      | officers of the centre | siri |
    And "siri" fires "set up the PR unit" on "IC2567" with:
      | public relations unit | PR desk, ground floor |
    Then "siri" cannot fire "open the channels" on "IC2567" because "five channels" with:
      | phone line or call centre | 0 5426 5100 |
      | internet service for the public | Wi-Fi |
      | channels for the public | channel=dedicated phone line |
      | channels for the public | channel=website |
    When today is 1 November 2566
    And "siri" starts an "information_request" case "R3" with:
      | requester | Prasit Chaolampang |
      | information requested | minutes of the acceptance committee |
      | received on | 1 November 2566 |
    When today is 20 November 2566
    Then the duty "information request answered" of period "R3" of fiscal year 2567 is overdue
    And the duty "information request answered" of period "R3" of fiscal year 2567 was recorded overdue
    When today is 1 October 2567
    Then the duty "centre statistics reported" of period "fiscal year 2567" of fiscal year 2567 is overdue
    And the report "Information Centre" for fiscal year 2567 shows:
      | channels | 0 |
      | at least five channels | no |
      | requests answered late or not yet | 1 |
      | satisfaction of at least 80% | no |
    And the audit trail verifies
