/*
 * actions.h
 *   Every action a key can mean, from one X-macro list (tig's REQ_INFO):
 *   the enum, the names used in the configuration's key bindings, the
 *   default keys (an F-key and its control-key twin for terminals that
 *   lose F-keys), and the help text -- so the help screen and the key bar
 *   can never drift from what the keys do.
 *
 *   X(ID, name, fkey, ctrl, other, label) -- fkey a KEY_* code or 0, ctrl
 *   a control character or 0, other a printable key or 0; label is marked
 *   for translation with N_().
 *
 *   The review actions: PASS is one key for the next step of the person's
 *   role (an officer verifies, a supervisor approves); REJECT returns the
 *   record to its author with a reason; REOPEN turns an approved record
 *   back into a draft with a reason; HISTORY shows the audit trail;
 *   MARK_ALL marks (or unmarks) every row of the review queue.
 *
 *   The ledger actions (src/screens/ledger*.c, homevisit.c): LEDGER
 *   switches between the dropout ledgers; VISIT records a visit (a
 *   persuasion visit, a home-delivery visit); CONFIRM confirms a suspected
 *   dropout; RETURN_SCHOOL closes a case as back in school. The two that
 *   move a case on are capitals (Shift): not hit by accident. ATTEND
 *   records a trainee's attendance on a day, ATTEND_ALL the whole class's
 *   (trainbatch.c).
 *
 *   The transfer actions (src/screens/transfer.c, issue 11): TRANSFER asks
 *   to move the household of the form to another township (a control
 *   key: the form's fields take printable keys); in the list of
 *   transfers ACCEPT and REFUSE decide an incoming request, WITHDRAW takes
 *   back an outgoing one -- capitals, not hit by accident. MOVE_MEMBER
 *   (^Y: no terminal, PuTTY included, takes it for itself) asks to move
 *   the member on the household form's selected row to a household of
 *   another township.
 *
 *   The edit conflict's choice (src/screens/formconflict.c, issue 12):
 *   KEEP_MINE and KEEP_THEIRS keep, for the selected field, what the
 *   person typed or what the database now holds: the digits 1 and 2,
 *   which a choice or lookup field of a form still takes as the start of
 *   its pick list's filter (form_pick_typed).
 *
 *   PRINT (issue 14) writes the document of the screen -- a notice's 公示
 *   sheet, the report shown -- as a PDF into the exports folder
 *   (db/printdoc.h): a plain letter, which every terminal sends.
 *
 *   SORT (issue 15, the pairing board) takes a list to its next order;
 *   CRITERION (the annual scoring sheet) adds a criterion of the year.
 */
#ifndef EDUAID_UI_ACTIONS_H
#define EDUAID_UI_ACTIONS_H

#define ACTION_LIST(X)                                                         \
    X(HELP, "help", KEY_F(1), 0, '?', N_("Help"))                              \
    X(SAVE, "save", KEY_F(2), 'S' - 64, 0, N_("Save"))                         \
    X(NEW, "new", KEY_F(3), 'N' - 64, 0, N_("New"))                            \
    X(SEARCH, "search", 0, 0, '/', N_("Search"))                               \
    X(FILTER, "filter", KEY_F(4), 'F' - 64, 0, N_("Filter"))                   \
    X(LOOKUP, "lookup", KEY_F(5), 'L' - 64, 0, N_("Pick"))                     \
    X(ADD_ROW, "add-row", KEY_F(6), 'A' - 64, 0, N_("Add row"))                \
    X(DELETE_ROW, "delete-row", KEY_F(8), 'D' - 64, 0, N_("Delete row"))       \
    X(DETAILS, "details", KEY_F(9), 'E' - 64, 0, N_("Error details"))          \
    X(SUBMIT, "submit", KEY_F(10), 'X' - 64, 0, N_("Submit"))                  \
    X(COMMAND, "command", 0, 0, ':', N_("Command"))                            \
    X(OPEN, "open", KEY_ENTER, '\r', 0, N_("Open"))                            \
    X(BACK, "back", 0, 27, 'q', N_("Back"))                                    \
    X(NEXT_FIELD, "next-field", 0, '\t', 0, N_("Next field"))                  \
    X(PREV_FIELD, "prev-field", KEY_BTAB, 0, 0, N_("Previous field"))          \
    X(REFRESH, "refresh", 0, 'R' - 64, 0, N_("Refresh"))                       \
    X(PASS, "pass", KEY_F(7), 'P' - 64, 0, N_("Pass"))                         \
    X(REJECT, "reject", KEY_F(11), 'T' - 64, 0, N_("Return"))                  \
    X(HISTORY, "history", KEY_F(12), 'O' - 64, 0, N_("History"))               \
    X(REOPEN, "reopen", 0, 'W' - 64, 0, N_("Reopen"))                          \
    X(MARK_ALL, "mark-all", 0, 0, '*', N_("Mark all"))                         \
    X(QUIT, "quit", 0, 'Q' - 64, 0, N_("Quit"))                                \
    X(LEDGER, "next-ledger", 0, 0, 'l', N_("Next ledger"))                     \
    X(VISIT, "visit", 0, 0, 'v', N_("Record visit"))                           \
    X(CONFIRM, "confirm-dropout", 0, 0, 'C', N_("Confirm dropout"))            \
    X(RETURN_SCHOOL, "back-in-school", 0, 0, 'B', N_("Back in school"))        \
    X(ATTEND, "attend", 0, 0, 'a', N_("Attendance"))                           \
    X(ATTEND_ALL, "attend-all", 0, 0, 'A', N_("Whole class"))                  \
    X(TRANSFER, "transfer", 0, 'G' - 64, 0, N_("Move out"))                    \
    X(MOVE_MEMBER, "transfer-member", 0, 'Y' - 64, 0, N_("Member out"))        \
    X(ACCEPT, "accept-transfer", 0, 0, 'Y', N_("Take in"))                     \
    X(REFUSE, "refuse-transfer", 0, 0, 'N', N_("Refuse"))                      \
    X(WITHDRAW, "withdraw-transfer", 0, 0, 'W', N_("Withdraw"))                \
    X(KEEP_MINE, "keep-mine", 0, 0, '1', N_("Mine"))                           \
    X(KEEP_THEIRS, "keep-theirs", 0, 0, '2', N_("Database's"))                 \
    X(PRINT, "print", 0, 0, 'p', N_("PDF"))                                   \
    X(SORT, "sort", 0, 0, 's', N_("Sort"))                                    \
    X(CRITERION, "add-criterion", 0, 0, 'c', N_("Criterion"))

enum action {
    ACT_NONE = 0,
#define ACTION_ENUM(id, name, fkey, ctrl, other, label) ACT_##id,
    ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
        ACT_COUNT
};

#endif /* EDUAID_UI_ACTIONS_H */
