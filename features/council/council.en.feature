Feature: Council meetings open to the public (integrity plan, project 27)
  Measure: opening Lampang PAO council meetings and deliberations to the public (mobile council meeting project).
  Responsible: the PAO Secretariat Office.

  Method
  step 5.1 (tag @plan-27-5.1): revise the council's announcement on the rules for the public attending
  its meetings and deliberations, to suit the local context.
  step 5.2 (tag @plan-27-5.2): announce the date, time, place and agenda of council meetings so that
  the public and the press attend, on several channels.
  step 5.3 (tag @plan-27-5.3): publish the minutes of council meetings to the public on several channels.

  The notice at least 3 days before the meeting, posted at the office, follows clause 22 of the
  Ministry of Interior regulation on the rules of procedure of local councils B.E. 2547 as
  amended up to (No. 3) B.E. 2565, and its publicity for the public clause 24; minutes published
  within 15 days of their adoption is this flow's reading, the regulation setting no days.

  The same scenarios as council.th.feature.

  Background:
    Given today is 2 October 2566
    And "wanna" holds the role "council office staff" in the unit "PAO Secretariat Office"
    And "sombat" holds the role "council president"

  @plan-27-5.1 @plan-27-5.2 @plan-27-5.3
  Scenario: The council's attendance announcement, and an ordinary session open to the public up to its published minutes (project 27, steps 5.1 to 5.3)
    The Secretariat drafts the announcement, the council president signs and posts it (5.1); the
    president announces the meeting on the notice board, the website and online media seven days
    ahead (5.2); the public and the press attend; the council adopts the minutes at its next
    meeting and they are published within seven days (5.3).

    When "wanna" starts a "council_attendance_rules" case "rules" with:
      | announcement | Lampang PAO council announcement on the rules for the public attending its meetings |
      | what the rules say | register before attending, sit in the seats provided, do not disturb, give opinions in writing to the president |
    Then "wanna" cannot fire "sign and post" because "council president"
    Given today is 4 October 2566
    When "sombat" fires "sign and post" with:
      | announcement number | 1/2566 |
      | posted at | notice board, PAO Secretariat Office |
      | website address | https://www.lampangpao.go.th/council/attendance |
    Then the case is in state "in force"

    When "wanna" starts a "council_meeting" case "session 4" with:
      | session | ordinary session 4 of 2566, meeting 1 |
      | meeting date | 15 November 2566 |
      | meeting time | 09.30 |
      | place | Lampang PAO council chamber |
      | agenda | minutes of the last meeting, motion on projects, other matters |
    Given today is 8 November 2566
    When "sombat" fires "announce the meeting" with:
      | notice number | 12/2566 |
      | notice channels | channel=notice board at the office |
      | notice channels | channel=Lampang PAO website; address=https://www.lampangpao.go.th/council/2566-4 |
      | notice channels | channel=online media |
    Then the case is in state "announced"
    Given today is 15 November 2566
    When "wanna" fires "record the meeting" with:
      | members of the public attending | 35 |
      | press attending | 4 |
      | opinions raised by the public | repair the road from Ban Pa Tan to Ban Mae Tha |
    Given today is 13 December 2566
    When "wanna" fires "record the minutes adopted" with:
      | minutes adopted on | 13 December 2566 |
    Given today is 20 December 2566
    When "wanna" fires "publish the minutes" with:
      | minutes channels | channel=notice board at the office |
      | minutes channels | channel=Lampang PAO website; address=https://www.lampangpao.go.th/council/minutes/2566-4 |
    Then the case is in state "minutes published"
    And the report "council meetings open to the public" for fiscal year 2567 shows:
      | attendance announcement in force | 1/2566 |
      | council meetings | 1 |
      | meetings held | 1 |
      | meetings announced late | 0 |
      | minutes published | 1 |
      | minutes published late or not yet | 0 |
      | members of the public attending | 35 |
      | press attending | 4 |
    And the report "council meetings open to the public" for fiscal year 2567 lists in "register of council meetings":
      | meeting date | notice date | public attending | minutes adopted on | minutes published on |
      | 15 November 2566 | 8 November 2566 | 35 | 13 December 2566 | 20 December 2566 |
    And the duty "meeting announced in advance" of period "session 4" of fiscal year 2567 is done on time
    And the duty "council minutes published" of period "session 4" of fiscal year 2567 is done on time
    And the audit trail verifies

  @plan-27-5.2
  Scenario: A meeting notice too late is refused, and the notice is posted at the office (project 27, step 5.2)
    The meeting of 15 November 2566 cannot be announced on 13 November 2566, two days ahead, nor on
    the website and online media without the notice posted at the office.

    When "wanna" starts a "council_meeting" case "session 4" with:
      | session | ordinary session 4 of 2566, meeting 1 |
      | meeting date | 15 November 2566 |
      | meeting time | 09.30 |
      | place | Lampang PAO council chamber |
      | agenda | motion on projects |
    Given today is 10 November 2566
    Then "sombat" cannot fire "announce the meeting" because "office" with:
      | notice number | 12/2566 |
      | notice channels | channel=Lampang PAO website |
      | notice channels | channel=online media |
    Given today is 13 November 2566
    Then "sombat" cannot fire "announce the meeting" because "meeting date" with:
      | notice number | 12/2566 |
      | notice channels | channel=notice board at the office |
      | notice channels | channel=Lampang PAO website |
    And the duty "meeting announced in advance" of period "session 4" of fiscal year 2567 is overdue
    And the audit trail verifies

  @plan-27-5.3
  Scenario: Adopted minutes not published in time (project 27, step 5.3)
    The council adopted the minutes on 13 December 2566; by 3 January 2567 they are still not
    published. The duties calendar records it, and the year's report shows it.

    When "wanna" starts a "council_meeting" case "session 4" with:
      | session | ordinary session 4 of 2566, meeting 1 |
      | meeting date | 15 November 2566 |
      | meeting time | 09.30 |
      | place | Lampang PAO council chamber |
      | agenda | motion on projects |
    Given today is 8 November 2566
    When "sombat" fires "announce the meeting" with:
      | notice number | 12/2566 |
      | notice channels | channel=notice board at the office |
      | notice channels | channel=Lampang PAO website |
    Given today is 15 November 2566
    When "wanna" fires "record the meeting" with:
      | members of the public attending | 12 |
    Given today is 13 December 2566
    When "wanna" fires "record the minutes adopted" with:
      | minutes adopted on | 13 December 2566 |
    Given today is 3 January 2567
    Then the duty "council minutes published" of period "session 4" of fiscal year 2567 is overdue
    And the duty "council minutes published" of period "session 4" of fiscal year 2567 was recorded overdue
    And the report "council meetings open to the public" for fiscal year 2567 shows:
      | minutes published | 0 |
      | minutes published late or not yet | 1 |
    And the audit trail verifies
