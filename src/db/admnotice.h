/*
 * admnotice.h
 *   定向招生专项计划 (issue 17 H4): the 公示 of the students who passed
 *   the qualification review (资格审查) for a 高考 year, as an A4 PDF
 *   through the machinery of the 公示 sheet (core/pdfdoc.h,
 *   db/printdoc.h): each student's township, name, masked ID number,
 *   high school and plan, read under the caller's row-level security
 *   (eduaid.admission_notice, sql/repeatable/36_m_admission.sql). Its
 *   words are Chinese whatever the locale (it is posted). Nothing here
 *   prints a message: the caller says what happened.
 */
#ifndef EDUAID_DB_ADMNOTICE_H
#define EDUAID_DB_ADMNOTICE_H

#include <stddef.h>

#include "db/db.h"
#include "db/printdoc.h"

/* The qualified students of year (township 0: every township the caller
 * sees) as the 公示 list, into file; as printdoc_notice (an empty list
 * prints, saying so). */
enum printdoc_failure admdoc_notice(struct db *db, int year, int township,
                                    const char *office, const char *file,
                                    struct printdoc_done *done,
                                    struct db_error *err, char *msg,
                                    size_t msgsz);

#endif /* EDUAID_DB_ADMNOTICE_H */
