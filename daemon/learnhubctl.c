/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl: the centre admin's command line. It works on the database
 * directly, through the same core rules as learnhubd, while learnhubd runs
 * too: learnhubd notices the change and acts on it (docs/architecture.md). */
#define G_LOG_DOMAIN "learnhubctl"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "learnhubctl.h"

#include "lh-advice-sealed.h"
#include "lh-audit.h"
#include "lh-config.h"
#include "lh-demo.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-rules.h"
#include "lh-store.h"
#include "lh-text.h"
#include "lh-time.h"

gboolean
lh_ctl_usage_error (GError **error, const char *usage)
{
  g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "usage: learnhubctl %s", usage);
  return FALSE;
}

static void
ctl_clear (Ctl *ctl)
{
  char **strings[] = { &ctl->kind, &ctl->hours, &ctl->from, &ctl->pc, &ctl->person, &ctl->room,
                       &ctl->title, &ctl->topic, &ctl->subject, &ctl->place, &ctl->start, &ctl->at,
                       &ctl->reason, &ctl->date, &ctl->years, &ctl->location, &ctl->description,
                       &ctl->to, &ctl->format, &ctl->note, &ctl->output, &ctl->name };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&ctl->ulrs, g_strfreev);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ctl, ctl_clear)

static gboolean
cmd_init (Ctl *ctl, LhStore *store, GError **error)
{
  /* Beside learnhubd, opening refused any schema but this build's. */
  g_print ("%s is ready (schema version %d)%s\n", lh_store_get_path (store),
           lh_store_get_schema_version (store),
           lh_store_is_beside_owner (store) ? "; learnhubd is running on it" : "");
  return TRUE;
}

/* The id of the PC called name, or 0 with an error. */
gint64
lh_ctl_find_resource (LhStore *store, const char *name, const char *kind, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);

  for (guint i = 0; resources != NULL && i < resources->len; i++)
    {
      const LhResource *resource = g_ptr_array_index (resources, i);

      if (g_str_equal (resource->name, name) && g_str_equal (resource->kind, kind))
        return resource->id;
    }
  if (resources != NULL)
    g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no %s called “%s”",
                 g_str_equal (kind, "pc") ? "PC" : kind, name);
  return 0;
}

static gboolean
cmd_resource (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] != NULL && ctl->args[2] == NULL)
    {
      g_autoptr(GArray) hours = lh_opening_hours_parse (ctl->hours != NULL ? ctl->hours : "Mon-Fri 08:00-18:00", error);
      gint64 id;

      /* Hours checked first: a resource is never left half-made. */
      if (hours == NULL ||
          !lh_opening_hours_check ((LhOpeningPeriod *) hours->data, hours->len, error) ||
          !lh_resources_add (store, ctl->args[1], ctl->kind != NULL ? ctl->kind : "pc",
                             ctl->capacity > 0 ? ctl->capacity : 1, &id, error) ||
          !lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, error))
        return FALSE;
      g_print ("Added %s\n", ctl->args[1]);
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GPtrArray) resources = lh_resources_list (store, error);

      if (resources == NULL)
        return FALSE;
      for (guint i = 0; i < resources->len; i++)
        {
          const LhResource *resource = g_ptr_array_index (resources, i);

          g_print ("%-20s %-4s capacity %d, %u opening period(s) a week\n", resource->name,
                   resource->kind, resource->capacity, resource->hours->len);
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "resource add NAME [--kind pc|room] [--capacity N] "
                             "[--hours \"Mon-Fri 08:00-20:00; Sat 09:00-13:00\"] | resource list");
}

static void
print_rules (const LhRules *rules, GTimeZone *tz)
{
  g_autofree char *from = rules->valid_from > 0 ? lh_time_format_iso (rules->valid_from, tz)
                                                : g_strdup ("(the configured defaults)");
  g_autofree char *day = rules->max_minutes_per_day > 0 ? lh_time_format_duration (rules->max_minutes_per_day)
                                                        : g_strdup ("no limit");
  g_autofree char *week = rules->max_minutes_per_week > 0 ? lh_time_format_duration (rules->max_minutes_per_week)
                                                          : g_strdup ("no limit");

  g_print ("In force from %s\n", from);
  g_print ("  booking length      %d to %d minutes\n", rules->min_booking_minutes, rules->max_booking_minutes);
  g_print ("  book ahead          up to %d days\n", rules->horizon_days);
  g_print ("  per person per day  %s, %d booking(s) (0: no limit)\n", day, rules->max_bookings_per_day);
  g_print ("  per person per week %s, %d booking(s) (0: no limit)\n", week, rules->max_bookings_per_week);
  g_print ("  a PC booking is held %d minutes for its person, then released\n", rules->hold_minutes);
}

static gboolean
cmd_rules (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 now = lh_time_now ();

  if (g_strcmp0 (verb, "show") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GArray) versions = lh_rules_list (store, error);
      LhRules current;

      if (versions == NULL || !lh_rules_at (store, ctl->config->centre, now, &current, error))
        return FALSE;
      g_print ("Now:\n");
      print_rules (&current, tz);
      for (guint i = 0; i < versions->len; i++)
        if (g_array_index (versions, LhRules, i).valid_from > now)
          {
            g_print ("\nComing:\n");
            print_rules (&g_array_index (versions, LhRules, i), tz);
          }
      return TRUE;
    }
  if (g_strcmp0 (verb, "set") == 0 && ctl->args[1] == NULL)
    {
      LhRules rules;
      int *fields[] = {
        [MIN_MINUTES] = &rules.min_booking_minutes,
        [MAX_MINUTES] = &rules.max_booking_minutes,
        [HORIZON_DAYS] = &rules.horizon_days,
        [DAY_MINUTES] = &rules.max_minutes_per_day,
        [WEEK_MINUTES] = &rules.max_minutes_per_week,
        [DAY_BOOKINGS] = &rules.max_bookings_per_day,
        [WEEK_BOOKINGS] = &rules.max_bookings_per_week,
        [HOLD_MINUTES] = &rules.hold_minutes,
      };
      gint64 from = now;

      if (ctl->from != NULL)
        {
          if (!lh_time_parse_date (ctl->from, tz, &from, error))
            return FALSE;
          from = MAX (from, now);
        }
      /* What is not given stays as it will be then. */
      if (!lh_rules_at (store, ctl->config->centre, from, &rules, error))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (ctl->limits[i] >= 0)
          *fields[i] = ctl->limits[i];
      rules.valid_from = from;
      if (!lh_rules_add_version (store, &rules, g_get_user_name (), now, error))
        return FALSE;
      print_rules (&rules, tz);
      return TRUE;
    }
  return lh_ctl_usage_error (error, "rules show | rules set [--from YYYY-MM-DD] [--min-minutes N] "
                             "[--max-minutes N] [--horizon-days N] [--day-minutes N] [--week-minutes N] "
                             "[--day-bookings N] [--week-bookings N] [--hold-minutes N]   (0: no limit)");
}

static gboolean
cmd_closure (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] != NULL && ctl->args[2] != NULL && ctl->args[3] == NULL)
    {
      if (!lh_closures_add (store, ctl->args[1], ctl->args[2], error))
        return FALSE;
      g_print ("The centre is closed on %s (%s)\n", ctl->args[1], ctl->args[2]);
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autofree char *today = lh_time_format_date (lh_time_now (), ctl->config->centre->tz);
      g_autoptr(GPtrArray) list = lh_closures_list (store, today, error);

      if (list == NULL)
        return FALSE;
      for (guint i = 0; i + 1 < list->len; i += 2)
        g_print ("%s  %s\n", (const char *) g_ptr_array_index (list, i),
                 (const char *) g_ptr_array_index (list, i + 1));
      return TRUE;
    }
  return lh_ctl_usage_error (error, "closure add YYYY-MM-DD \"REASON\" | closure list");
}

static void
print_demo (const LhDemoCentre *demo, const char *db_path, gboolean json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, db_path);
      json_builder_set_member_name (builder, "device_name");
      json_builder_add_string_value (builder, demo->device_name);
      json_builder_set_member_name (builder, "device_token");
      json_builder_add_string_value (builder, demo->device_token);
      json_builder_set_member_name (builder, "bookings");
      json_builder_add_int_value (builder, demo->n_bookings);
      json_builder_set_member_name (builder, "pc_kiosks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < demo->pc_kiosks->len; i++)
        {
          const LhDemoKiosk *kiosk = g_ptr_array_index (demo->pc_kiosks, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "pc");
          json_builder_add_string_value (builder, kiosk->pc_name);
          json_builder_set_member_name (builder, "device_name");
          json_builder_add_string_value (builder, kiosk->device_name);
          json_builder_set_member_name (builder, "token");
          json_builder_add_string_value (builder, kiosk->token);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "accounts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < demo->accounts->len; i++)
        {
          const LhDemoAccount *account = g_ptr_array_index (demo->accounts, i);
          g_auto(GStrv) roles = lh_roles_to_strv (account->roles);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "staff_number");
          json_builder_add_string_value (builder, account->staff_number);
          json_builder_set_member_name (builder, "pin");
          json_builder_add_string_value (builder, account->pin);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, account->name);
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
          for (guint r = 0; roles[r] != NULL; r++)
            json_builder_add_string_value (builder, roles[r]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "guest");
          json_builder_add_boolean_value (builder, account->guest);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return;
    }

  g_print ("Demo centre created in %s: %u resources, %u people (staff and their guests), %u bookings.\n",
           db_path, demo->n_resources, demo->accounts->len, demo->n_bookings);
  g_print ("Kiosk device “%s”, token: %s\n", demo->device_name, demo->device_token);
  for (guint i = 0; i < demo->pc_kiosks->len; i++)
    {
      const LhDemoKiosk *kiosk = g_ptr_array_index (demo->pc_kiosks, i);

      g_print ("Kiosk of %s, token: %s\n", kiosk->pc_name, kiosk->token);
    }
  g_print ("\nSign-ins (staff number / PIN):\n");
  for (guint i = 0; i < demo->accounts->len && i < 6; i++)
    {
      const LhDemoAccount *account = g_ptr_array_index (demo->accounts, i);
      g_auto(GStrv) roles = lh_roles_to_strv (account->roles);
      g_autofree char *roles_text = g_strjoinv (", ", roles);

      g_print ("  %s / %s  %s (%s)\n", account->staff_number, account->pin, account->name, roles_text);
    }
  for (guint i = 6; i < demo->accounts->len; i++)
    {
      const LhDemoAccount *account = g_ptr_array_index (demo->accounts, i);

      if (account->guest)
        g_print ("  %s / %s  %s (guest)\n", account->staff_number, account->pin, account->name);
    }
  g_print ("  … and more staff (--json lists them all)\n");
}

static gboolean
cmd_demo (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(LhDemoCentre) demo = NULL;
  guint64 years = 0;

  if (ctl->args[0] != NULL)
    return lh_ctl_usage_error (error, "demo [--years N] [--json]");
  /* The demo is a whole centre made in one long transaction, for a new
   * file: beside a running centre it would hold the kiosks' writes up. */
  if (lh_store_is_beside_owner (store))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                   "learnhubd is running on %s: the demo centre is made in a new database, "
                   "never in a running centre's. Give another --db, or stop learnhubd first. "
                   "Nothing was changed", lh_store_get_path (store));
      return FALSE;
    }
  /* Checked before anything is written: a bad value leaves the file as
   * it was. */
  if (ctl->years != NULL && !g_ascii_string_to_unsigned (ctl->years, 10, 1, LH_DEMO_MAX_YEARS, &years, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "--years takes a whole number from 1 to %d, not “%s”",
                   LH_DEMO_MAX_YEARS, ctl->years);
      return FALSE;
    }
  demo = lh_demo_create_with_years (store, ctl->config->centre, (guint) years, lh_time_now (), error);
  if (demo == NULL)
    return FALSE;
  print_demo (demo, lh_store_get_path (store), ctl->json);
  return TRUE;
}

/* Only the demo seals notes, and only the demo and the site report
 * (advice counts, equality answers matched by keyed hash) read them. The
 * other commands open no key: root's own is not the service's (a
 * credential), and must neither seal requests from before schema 20
 * (learnhubd does) nor stop a command that reads no advice. Only a new
 * database may get a new key; the demo takes no key but the centre's. */
static LhStore *
open_centre (LhConfig *config, gboolean reads_notes, GError **error)
{
  gboolean new_database = !g_file_test (config->database, G_FILE_TEST_EXISTS);
  g_autoptr(LhStore) store = NULL;

  if (reads_notes &&
      !(new_database ? lh_config_open_note_key (config, error) : lh_config_read_note_key (config, error)))
    return NULL;
  store = lh_store_open_beside_daemon (config->database, error);
  if (store == NULL || (reads_notes && !lh_advice_check_key (store, config->centre, error)))
    return NULL;
  return g_steal_pointer (&store);
}

/* GOption takes "-1.5" for an option. No option of learnhubctl begins
 * with a digit, so a negative number (not an option's value) is hidden
 * from it, its minus skipped, and put back after. */
static void
hide_negative_numbers (int argc, char **argv, GPtrArray *hidden)
{
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && g_ascii_isdigit (argv[i][1]) &&
        !(g_str_has_prefix (argv[i - 1], "--") && strchr (argv[i - 1], '=') == NULL))
      {
        argv[i]++;
        g_ptr_array_add (hidden, argv[i]);
      }
}

static void
restore_negative_numbers (int argc, char **argv, GPtrArray *hidden)
{
  for (int i = 1; i < argc; i++)
    if (g_ptr_array_find (hidden, argv[i], NULL))
      argv[i]--;
}

/* Every argument, options' values too, is one line of text: a name or a
 * reason with a line break or a control character in it would be stored
 * as it came, and shown later where it does not belong. */
static gboolean
check_arguments (int argc, char **argv, GError **error)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *what = g_strdup_printf ("argument %d", i);

      if (!lh_text_check (argv[i], -1, LH_TEXT_LINE, 0, what, error))
        return FALSE;
    }
  return TRUE;
}

/* The commands whose first argument is always a sub-command ("rules
 * set"); of the others (pin-set STAFF, import-staff FILE) only the
 * command is recorded. */
static const char * const commands_with_subcommands[] = {
  "device", "resource", "rules", "closure", "terms", "time-off", "group", "assessment", "dropin",
  "advice-slot", "equipment", "fault", "meetings", "action-plan", NULL
};

/* A command that changed the centre goes in the audit log: the command
 * and its sub-command, never its other arguments (a file, a staff number,
 * a reason), with the system user who ran it. */
static gboolean
audit_command (LhStore *store, const char *command, char **args, GError **error)
{
  g_autofree char *action = NULL;
  g_autofree char *user = NULL;
  const char *sub = args[0];

  if (sub != NULL && g_strv_contains (commands_with_subcommands, command) &&
      g_regex_match_simple ("^[a-z][a-z-]{0,30}$", sub, 0, 0))
    action = g_strdup_printf ("learnhubctl %s %s", command, sub);
  else
    action = g_strdup_printf ("learnhubctl %s", command);
  user = g_utf8_make_valid (g_get_user_name (), -1);
  if (g_utf8_strlen (user, -1) > 64)
    *g_utf8_offset_to_pointer (user, 64) = '\0';
  return lh_audit_record (store, lh_time_now (), 0, 0, user, action, 0, error);
}

/* After a command that worked: the change stands, so an entry that
 * cannot be written is said, not made a failure (run again, it would
 * change the centre twice). store NULL: it could not be opened. */
static void
audit_or_warn (LhStore *store, const GError *open_error, const char *command, char **args)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL && audit_command (store, command, args, &error))
    return;
  g_printerr ("learnhubctl: %s: %s\n", _("The change was made, but could not be recorded in the audit log"),
              store != NULL ? error->message : open_error->message);
}

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "init", cmd_init, "Create or upgrade the database (an upgrade needs learnhubd stopped)" },
  { "import-staff", lh_ctl_import_staff, "Import the staff roster from a CSV file" },
  { "pin-set", lh_ctl_pin_set, "Give a person a new random PIN" },
  { "device", lh_ctl_device, "Register (add), list or revoke kiosk devices" },
  { "resource", cmd_resource, "Add or list PCs and rooms" },
  { "rules", cmd_rules, "Show the booking rules, or set new ones from a date" },
  { "closure", cmd_closure, "Add or list the dates the centre is closed" },
  { "terms", lh_ctl_terms, "Import a version of the learning agreement's terms, or show them" },
  { "time-off", lh_ctl_time_off, "Paid time off: a balance and its history, approve or reject requests, adjust" },
  { "group", lh_ctl_group, "Set up a (weekly) group study session, or list them" },
  { "assessment", lh_ctl_assessment, "Offer a skills assessment slot, or list them" },
  { "dropin", lh_ctl_dropin, "Set up (weekly) drop-in advice sessions with ULRs, or list them" },
  { "advice-slot", lh_ctl_advice_slot, "Offer a time for advice with a ULR, or list them" },
  { "equipment", lh_ctl_equipment, "The equipment inventory: import, add, status, list, history, usage, compliance, check" },
  { "fault", lh_ctl_fault, "Faults: list the open ones, report, assign, repaired" },
  { "report", lh_ctl_report, "The committee's site report for a period, suppressed: --format csv, json or pdf" },
  { "national-report", lh_ctl_national_report, "Add the sites' reports (JSON files) up into the national report; no database" },
  { "meetings", lh_ctl_meetings, "The committee's meetings: list, add, attend, table-report" },
  { "action-plan", lh_ctl_action_plan, "The committee's action plan: list, add, edit, history" },
  { "backup", lh_ctl_backup, "Back up the database now (into [backup] directory, or to FILE), or list the backups" },
  { "restore", lh_ctl_restore, "Put back the database from a backup that checks out, keeping a copy of the one replaced; learnhubd stopped" },
  { "audit", lh_ctl_audit, "Who changed what, and when: the audit log over a period (--from, --to; the last 30 days)" },
  { "demo", cmd_demo, "Fill a new database with a demo centre (--years N: with N years of history); not while learnhubd runs on it" },
};

static char *
commands_help (void)
{
  GString *text = g_string_new ("Commands:\n");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-14s %s\n", commands[i].name, commands[i].help);
  return g_string_free (text, FALSE);
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *config_path = NULL;
  g_auto(Ctl) ctl = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The centre's database", "FILE" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "Configuration file", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctl.json, "demo: print JSON for scripts", NULL },
    { "years", 0, 0, G_OPTION_ARG_STRING, &ctl.years, "demo: years of history before the last three months, 1 to 10", "N" },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &ctl.skip_bad_rows, "import-staff: import the good rows of a file with bad ones", NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &ctl.kind, "resource add: pc or room; equipment add: computer, desk…", "KIND" },
    { "capacity", 0, 0, G_OPTION_ARG_INT, &ctl.capacity, "resource add: places", "N" },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &ctl.hours, "resource add: opening hours", "HOURS" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &ctl.from, "rules set: in force from this date; equipment usage/compliance: the first day "
      "(by default the 91 days to today; for a calendar quarter give --from and --to)", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &ctl.to, "equipment usage/compliance: the last day", "DATE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &ctl.format, "equipment usage/compliance: text (the default) or csv; "
      "national-report: pdf, csv or json", "FORMAT" },
    { "pc", 0, 0, G_OPTION_ARG_STRING, &ctl.pc, "device add: the PC whose kiosk it is; equipment add: the PC a computer is; "
      "fault report: the PC (one with no computer in the inventory has no asset tag)", "NAME" },
    { "location", 0, 0, G_OPTION_ARG_STRING, &ctl.location, "equipment add: where the item is", "TEXT" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &ctl.description, "equipment add: what it is, e.g. its make", "TEXT" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &ctl.note, "equipment check done: what was found", "TEXT" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &ctl.output, "report, national-report: the file to write (CSV and JSON: by default standard output)", "PATH" },
    { "min-minutes", 0, 0, G_OPTION_ARG_INT, &ctl.limits[MIN_MINUTES], "rules set: shortest booking", "N" },
    { "max-minutes", 0, 0, G_OPTION_ARG_INT, &ctl.limits[MAX_MINUTES], "rules set: longest booking", "N" },
    { "horizon-days", 0, 0, G_OPTION_ARG_INT, &ctl.limits[HORIZON_DAYS], "rules set: how far ahead", "N" },
    { "day-minutes", 0, 0, G_OPTION_ARG_INT, &ctl.limits[DAY_MINUTES], "rules set: minutes per person per day", "N" },
    { "week-minutes", 0, 0, G_OPTION_ARG_INT, &ctl.limits[WEEK_MINUTES], "rules set: minutes per person per week", "N" },
    { "day-bookings", 0, 0, G_OPTION_ARG_INT, &ctl.limits[DAY_BOOKINGS], "rules set: bookings per person per day", "N" },
    { "week-bookings", 0, 0, G_OPTION_ARG_INT, &ctl.limits[WEEK_BOOKINGS], "rules set: bookings per person per week", "N" },
    { "hold-minutes", 0, 0, G_OPTION_ARG_INT, &ctl.limits[HOLD_MINUTES], "rules set: minutes a PC booking waits for its person", "N" },
    { "leader", 0, 0, G_OPTION_ARG_STRING, &ctl.person, "group add: the ULR or admin who leads it (staff number)", "STAFF" },
    { "assessor", 0, 0, G_OPTION_ARG_STRING, &ctl.person, "assessment add: the ULR who assesses (staff number)", "STAFF" },
    { "room", 0, 0, G_OPTION_ARG_STRING, &ctl.room, "group add: the room", "NAME" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &ctl.title, "group add: its title", "TEXT" },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &ctl.topic, "group add: its topic", "TEXT" },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &ctl.subject, "assessment add: english, maths or esol", "SUBJECT" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &ctl.place, "assessment/dropin/advice-slot add: where", "TEXT" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &ctl.start, "group/assessment/dropin/advice-slot add: local start", "\"YYYY-MM-DD HH:MM\"" },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &ctl.minutes, "group/assessment add: how long", "N" },
    { "weeks", 0, 0, G_OPTION_ARG_INT, &ctl.weeks, "group/dropin add: weekly, this many weeks", "N" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &ctl.at, "terms show, time-off show/history: as on this date", "DATE" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &ctl.reason, "time-off approve/reject/adjust, equipment status: why", "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &ctl.date, "time-off adjust: the day the time fell", "DATE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &ctl.name, "meetings attend: who attended, not being on the committee", "NAME" },
    { "ulr", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ctl.ulrs, "dropin/advice-slot add: a ULR (staff number; again for more)", "STAFF" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND [ARGS…] — manage a learnhub centre, while learnhubd runs too");
  g_autofree char *help = commands_help ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  g_autoptr(LhConfig) config = NULL;
  g_autoptr(GPtrArray) negative = g_ptr_array_new ();
  CommandFunc func = NULL;
  gint64 changes;

  for (guint i = 0; i < G_N_ELEMENTS (ctl.limits); i++)
    ctl.limits[i] = -1;
  setlocale (LC_ALL, "");
  /* The refusals only an admin meets at the command line are translated
   * (issue 15); the kiosk words the others from their reasons. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("LEARNHUB_LOCALEDIR") != NULL ? g_getenv ("LEARNHUB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* stdout is for results (demo --json); logs go to stderr or the journal. */
  g_log_writer_default_set_use_stderr (TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, help);
  if (!check_arguments (argc, argv, &error))
    {
      g_printerr ("learnhubctl: %s\n", error->message);
      return 2;
    }
  hide_negative_numbers (argc, argv, negative);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("learnhubctl: %s\n", error->message);
      return 2;
    }
  restore_negative_numbers (argc, argv, negative);
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      func = commands[i].func;
  if (func == NULL)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", text);
      return 2;
    }

  /* Files in, a file out: no centre to open. */
  if (func == lh_ctl_national_report)
    {
      ctl.args = argv + 2;
      if (!func (&ctl, NULL, &error))
        {
          g_printerr ("learnhubctl: %s\n", error->message);
          return g_error_matches (error, LH_ERROR, LH_ERROR_BAD_REQUEST) ? 2 : 1;
        }
      return 0;
    }

  config = lh_config_load (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("learnhubctl: %s\n", error->message);
      return 1;
    }
  if (db_path != NULL)
    {
      g_free (config->database);
      config->database = g_steal_pointer (&db_path);
    }
  ctl.config = config;
  ctl.args = argv + 2;

  /* A copy taken or put back: the database is not opened as a store. */
  if (func == lh_ctl_backup || func == lh_ctl_restore)
    {
      if (!func (&ctl, NULL, &error))
        {
          g_printerr ("learnhubctl: %s\n", error->message);
          return g_error_matches (error, LH_ERROR, LH_ERROR_BAD_REQUEST) ? 2 : 1;
        }
      /* The database put back records that it was. */
      if (func == lh_ctl_restore)
        {
          store = lh_store_open (config->database, &error);
          audit_or_warn (store, error, argv[1], ctl.args);
        }
      return 0;
    }
  if ((store = open_centre (config, func == cmd_demo || func == lh_ctl_report, &error)) == NULL)
    {
      g_printerr ("learnhubctl: %s\n", error->message);
      return g_error_matches (error, LH_ERROR, LH_ERROR_BAD_REQUEST) ? 2 : 1;
    }
  /* What opening changed (an upgrade's migrations) is not the command's. */
  changes = lh_store_total_changes (store);
  if (!func (&ctl, store, &error))
    {
      g_printerr ("learnhubctl: %s\n", error->message);
      return g_error_matches (error, LH_ERROR, LH_ERROR_BAD_REQUEST) ? 2 : 1;
    }
  if (lh_store_total_changes (store) > changes)
    audit_or_warn (store, NULL, argv[1], ctl.args);
  return 0;
}
