/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every page a learner, a ULR, a committee member and the admin can reach,
 * read as a screen reader reads it over AT-SPI: real widgets under Xvfb
 * against a real learnhubd with the demo centre at the tests' clock.
 *
 * Run plain, every control has a name holding the words shown on it.
 * Run with A11Y_CHECK=markers, under the pseudo-translation (LANGUAGE names a
 * made-up language whose catalogue wraps every string in ⟦ ⟧, see
 * pseudo-locale.sh), every text shown or read out is translated: nothing
 * with letters outside the markers but the centre's own data. */
#define G_LOG_DOMAIN "test-a11y"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kiosk-a11y.h"
#include "kiosk-helpers.h"
#include "lh-language.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;   /* (owned) */
static KioskA11yCheck check;
static GPtrArray *allowed;     /* (owned) data shown as it is, for markers */

/* Words on the screen: the pseudo-translation's, when walking for it. */
static const char *
w (const char *words)
{
  static GHashTable *marked;
  char *text;

  if (check == KIOSK_A11Y_NAMES)
    return words;
  if (marked == NULL)
    marked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if ((text = g_hash_table_lookup (marked, words)) == NULL)
    g_hash_table_insert (marked, (gpointer) words, text = g_strdup_printf ("⟦%s⟧", words));
  return text;
}

static void
walk (LhWindow   *window,
      const char *page)
{
  kiosk_a11y_walk (window, check, page, (const char * const *) allowed->pdata);
}

static void
press (LhWindow   *window,
       const char *words)
{
  GtkWidget *label;

  /* "Time off to approve (4)": the words, then a count. */
  if (!g_str_has_suffix (words, "…"))
    {
      kiosk_press (window, w (words));
      return;
    }
  {
    g_autofree char *prefix = g_strndup (words, strlen (words) - strlen ("…"));
    g_autofree char *marked = check == KIOSK_A11Y_MARKERS ? g_strconcat ("⟦", prefix, NULL) : g_strdup (prefix);

    kiosk_wait_for (window, kiosk_label_prefix_shown, marked, words);
    label = kiosk_find_label_prefix (window, marked);
    g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
  }
}

/* ---- the centre's data, which is not translated ------------------------ */

static void
allow_column (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "sqlite3", centre->db_path, sql, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_insert (allowed, 0, g_strdup (lines[i]));
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* What people typed or the centre named: names of people, PCs, rooms,
 * kiosks, groups, equipment, the committee's plan. Longest first, so
 * that "PC 10" goes before "PC 1". Day and month names come from the C
 * locale's own data under the pseudo-translation; a real language's
 * locale has its own. */
static void
collect_allowed (void)
{
  static const char *columns[] = {
    "select name from people", "select name from devices", "select name from resources",
    "select title from group_sessions", "select topic from group_sessions",
    "select name from committee_attendees", "select place from advice_slots",
    "select place from advice_dropins", "select place from committee_meetings",
    "select notes from committee_meetings", "select what from equipment_checks",
    "select activity from action_objectives", "select by_whom from action_objectives",
    "select outcomes from action_objectives", "select next_steps from action_objectives",
    /* The guest key types this letter, the first of a guest's number. */
    "select 'G'",
  };
  static const char *calendar[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };

  /* The demo's advice record (lh-demo-advice.c), sealed in the database
   * so not readable here: what the ULR wrote and the learner asked. */
  static const char *record[] = {
    "Pass Functional Skills English Level 1", "Take the English skills check",
    "Join the Tuesday evening English group", "Keen and practical. Booked the English check; plan agreed.",
    "I would like to write better emails at work.",
    "Confident speaker; wants help with writing. Interested in moving to a team leader role.",
  };

  allowed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    allow_column (columns[i]);
  for (guint i = 0; i < G_N_ELEMENTS (record); i++)
    g_ptr_array_add (allowed, g_strdup (record[i]));
  for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
    g_ptr_array_add (allowed, g_strdup (calendar[i]));
  /* The language buttons name each language in itself, in every language. */
  {
    guint n;
    const LhLanguage *languages = lh_language_list (&n);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (allowed, g_strdup (languages[i].endonym));
  }
  g_ptr_array_sort (allowed, longest_first);
  g_ptr_array_add (allowed, NULL);
}

/* ---- the walk ---------------------------------------------------------- */

typedef struct
{
  const char *button;  /* on the home page */
  const char *page;
} Way;

/* A walk takes seconds: nobody is signed out for being slow meanwhile. */
static void
open_window (Kiosk *kiosk)
{
  kiosk_open_window (kiosk, centre, centre->device_token, 1280, 800);
  g_object_set (kiosk->window, "idle-timeout", 24 * 60 * 60, NULL);
}

static void
sign_in (LhWindow   *window,
         const char *staff,
         const char *pin)
{
  press (window, "Tap to start");
  kiosk_wait_for_page (window, "sign-in");
  walk (window, "sign-in (staff number)");
  kiosk_type_digits (window, staff);
  /* The demo's staff numbers have one length: on to the PIN by itself. */
  kiosk_wait_for_label (window, w ("Type your PIN"));
  walk (window, "sign-in (PIN)");
  kiosk_type_digits (window, pin);
  press (window, "Sign in");
  kiosk_wait_for_page (window, "home");
  kiosk_spin (500);
}

/* Each way from home, there and Back. */
static void
walk_ways (LhWindow  *window,
           const Way *ways,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      press (window, ways[i].button);
      kiosk_wait_for_page (window, ways[i].page);
      walk (window, ways[i].page);
      press (window, "Back");
      kiosk_wait_for_page (window, "home");
    }
}

static void
walk_person (const char *role,
             const Way  *ways,
             guint       n,
             void      (*more) (LhWindow *window))
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");
  Kiosk kiosk = { 0 };

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *roles = json_object_get_array_member (account, "roles");

      for (guint r = 0; r < json_array_get_length (roles); r++)
        if (g_str_equal (json_array_get_string_element (roles, r), role))
          {
            open_window (&kiosk);
            sign_in (kiosk.window, json_object_get_string_member (account, "staff_number"),
                     json_object_get_string_member (account, "pin"));
            g_autofree char *home = g_strdup_printf ("home (%s)", role);

            walk (kiosk.window, home);
            walk_ways (kiosk.window, ways, n);
            if (more != NULL)
              more (kiosk.window);
            kiosk_close (&kiosk);
            return;
          }
    }
  g_error ("No demo account with role %s", role);
}

/* For looking at (LH_TEST_SCREENSHOTS): the keyboard's focus on this
 * button, as Tab would put it. */
static void
screenshot_focus (LhWindow   *window,
                  const char *button,
                  const char *name)
{
  GtkWidget *widget = kiosk_find_widget (GTK_WIDGET (window), kiosk_is_button, w (button));

  if (g_getenv ("LH_TEST_SCREENSHOTS") == NULL || check != KIOSK_A11Y_NAMES)
    return;
  g_assert_nonnull (widget);
  gtk_widget_grab_focus (widget);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  kiosk_spin (300);
  kiosk_screenshot (window, name);
}

static void
test_welcome (void)
{
  Kiosk kiosk = { 0 };

  open_window (&kiosk);
  walk (kiosk.window, "welcome");
  screenshot_focus (kiosk.window, "Large text", "a11y-focus-welcome");
  press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  walk (kiosk.window, "fault");
  kiosk_close (&kiosk);
}

/* A free hour's button, shown and ready to tap. */
static gboolean
is_free_slot (GtkWidget *widget, gconstpointer unused)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "lh-slot-free") &&
         gtk_widget_is_sensitive (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
free_slot_shown (LhWindow *window, gconstpointer unused)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_free_slot, NULL) != NULL;
}

/* Book a computer, an hour chosen: the step that asks "Book this time?".
 * The first day from tomorrow on with a free hour, as the demo's PCs
 * are open by the day of the week. */
static void
walk_time_chosen (LhWindow *window)
{
  press (window, "Book a computer");
  kiosk_wait_for_page (window, "book");
  press (window, "Tomorrow");
  for (guint day = 1; !kiosk_wait_at_most (window, free_slot_shown, NULL, 3000); day++)
    {
      g_assert_cmpuint (day, <, 6);
      press (window, "See the next day");
    }
  g_signal_emit_by_name (kiosk_find_widget (GTK_WIDGET (window), is_free_slot, NULL), "clicked");
  kiosk_wait_for_label (window, w ("Book this time?"));
  kiosk_wait_for (window, kiosk_laid_out, NULL, "the confirm step laid out");
  walk (window, "book (time chosen)");
  /* Back to the hours, then home. */
  press (window, "Back");
  kiosk_wait_for (window, free_slot_shown, NULL, "the hours again");
  press (window, "Back");
  kiosk_wait_for_page (window, "home");
}

/* My advice record: the learner's learning plan, from the advice page. */
static void
walk_advice_record (LhWindow *window)
{
  press (window, "Talk to a ULR");
  kiosk_wait_for_page (window, "advice");
  kiosk_wait_for_label (window, w ("What would you like to talk about?"));
  press (window, "My advice record");
  kiosk_wait_for_page (window, "record");
  kiosk_spin (500);
  kiosk_wait_for (window, kiosk_laid_out, NULL, "the record laid out");
  walk (window, "record (learning plan)");
  press (window, "Back");
  kiosk_wait_for_page (window, "home");
}

/* Book a computer with a time chosen; the steps of asking for advice;
 * the advice record. */
static void
learner_more (LhWindow *window)
{
  walk_time_chosen (window);
  walk_advice_record (window);

  press (window, "Talk to a ULR");
  kiosk_wait_for_page (window, "advice");
  kiosk_wait_for_label (window, w ("What would you like to talk about?"));
  walk (window, "advice (topic)");
  press (window, "Careers advice");
  kiosk_wait_for_label (window, w ("How would you like to talk?"));
  walk (window, "advice (how)");
  press (window, "Back");
  kiosk_wait_for_label (window, w ("What would you like to talk about?"));
  press (window, "Back");
  kiosk_wait_for_page (window, "home");
}

static void
test_learner (void)
{
  static const Way ways[] = {
    { "Book a computer", "book" },
    { "Join a group", "groups" },
    { "My bookings", "bookings" },
    { "My time off", "time-off" },
    { "Book a skills check", "assessments" },
    { "Bring a family member or friend", "guests" },
    { "About you (optional)", "equality" },
  };

  walk_person ("learner", ways, G_N_ELEMENTS (ways), learner_more);
}

static void
test_ulr (void)
{
  static const Way ways[] = {
    { "Run a drop-in", "desk" },
    { "Set up sessions", "timetable" },
    { "My facility time", "facility" },
  };

  walk_person ("ulr", ways, G_N_ELEMENTS (ways), NULL);
}

static void
test_committee (void)
{
  static const Way ways[] = {
    { "See the action plan", "action-plan" },
    { "See the meetings", "meetings" },
    { "Dashboard", "dashboard" },
  };

  walk_person ("committee", ways, G_N_ELEMENTS (ways), NULL);
}

static void
test_admin (void)
{
  static const Way ways[] = {
    { "Time off to approve…", "approvals" },
    { "Equipment and faults", "equipment" },
  };

  walk_person ("admin", ways, G_N_ELEMENTS (ways), NULL);
}

/* ---- a button not ready says why --------------------------------------- */

typedef struct
{
  const char *button;
  const char *why;     /* NULL: ready */
} Ready;

static gboolean
is_entry (GtkWidget *widget, gconstpointer css_class)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* The button is there, and either ready with no reason shown, or not
 * ready with the reason beside it and as its description. */
static void
assert_ready (LhWindow    *window,
              const Ready *ready)
{
  GtkWidget *button;

  if (ready->why != NULL)
    kiosk_wait_for_label (window, w (ready->why));
  button = kiosk_find_widget (GTK_WIDGET (window), kiosk_is_button, w (ready->button));
  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_sensitive (button), ==, ready->why == NULL);
  if (ready->why != NULL)
    {
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           w (ready->why));
    }
  else
    g_assert_null (kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-why-disabled"));
}

static void
test_why_disabled (void)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");
  JsonObject *learner = json_array_get_object_element (accounts, 0);
  const char *staff = json_object_get_string_member (learner, "staff_number");
  Kiosk kiosk = { 0 };

  open_window (&kiosk);
  press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  assert_ready (kiosk.window, &(Ready) { "Next", "Type your staff number first" });
  screenshot_focus (kiosk.window, "1", "a11y-focus-disabled-next");
  {
    /* All but the last digit: the last moves on to the PIN by itself. */
    g_autofree char *most = g_strndup (staff, strlen (staff) - 1);

    kiosk_type_digits (kiosk.window, most);
    assert_ready (kiosk.window, &(Ready) { "Next", NULL });
    kiosk_type_digits (kiosk.window, staff + strlen (staff) - 1);
  }
  kiosk_wait_for_label (kiosk.window, w ("Type your PIN"));
  assert_ready (kiosk.window, &(Ready) { "Sign in", "Type your PIN first" });
  kiosk_type_digits (kiosk.window, json_object_get_string_member (learner, "pin"));
  assert_ready (kiosk.window, &(Ready) { "Sign in", NULL });
  press (kiosk.window, "Sign in");
  kiosk_wait_for_page (kiosk.window, "home");
  screenshot_focus (kiosk.window, "Book a computer", "a11y-focus-home");

  press (kiosk.window, "Bring a family member or friend");
  kiosk_wait_for_page (kiosk.window, "guests");
  assert_ready (kiosk.window, &(Ready) { "Next", "Type their name first" });
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_entry, "lh-name-entry")),
                         "Sam Guest");
  assert_ready (kiosk.window, &(Ready) { "Next", NULL });
  kiosk_close (&kiosk);
}

/* Last: everything the walks found, at once. */
static void
test_found_nothing (void)
{
  g_autofree char *problems = kiosk_a11y_problems ();
  g_autoptr(GString) left = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (problems != NULL ? problems : "", "\n", -1);

  g_assert_cmpuint (kiosk_a11y_pages (), >=, 20);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_string_append_printf (left, "%s\n", lines[i]);
  if (left->len > 0)
    g_error ("On the screen, as a screen reader reads it:\n%s", left->str);
}

/* The pseudo-translation's catalogue (PSEUDO_MO, built by
 * pseudo-locale.sh) where gettext looks for the language LANGUAGE names,
 * in a folder of its own. Returns: (transfer full) that folder. */
static char *
install_catalogue (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("learnhub-locale-XXXXXX", &error);
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (g_getenv ("PSEUDO_MO"));
  g_assert_nonnull (g_getenv ("LANGUAGE"));
  messages = g_build_filename (dir, g_getenv ("LANGUAGE"), "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_get_contents (g_getenv ("PSEUDO_MO"), &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return dir;
}

static void
remove_catalogue (const char *dir)
{
  g_autofree char *messages = g_build_filename (dir, g_getenv ("LANGUAGE"), "LC_MESSAGES", NULL);
  g_autofree char *target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *language = g_build_filename (dir, g_getenv ("LANGUAGE"), NULL);

  g_unlink (target);
  g_rmdir (messages);
  g_rmdir (language);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;
  int status;

  if (g_strcmp0 (g_getenv ("A11Y_CHECK"), "markers") == 0)
    {
      check = KIOSK_A11Y_MARKERS;
      locale_dir = install_catalogue ();
      /* As learnhub-kiosk's main() does. */
      g_setenv ("LEARNHUB_LOCALEDIR", locale_dir, TRUE);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LEARNHUB_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  kiosk_test_init (&argc, &argv);
  /* gtk_test_init() sets a locale of its own: the environment's again. */
  if (check == KIOSK_A11Y_MARKERS)
    setlocale (LC_ALL, "");
  /* The catalogue is really there: a string the kiosk shows comes back
   * wrapped. */
  if (check == KIOSK_A11Y_MARKERS)
    g_assert_cmpstr (_("Tap to start"), ==, "⟦Tap to start⟧");

  centre = lh_test_daemon_start (NULL);
  collect_allowed ();

  g_test_add_func ("/kiosk/a11y/welcome", test_welcome);
  g_test_add_func ("/kiosk/a11y/learner", test_learner);
  g_test_add_func ("/kiosk/a11y/ulr", test_ulr);
  g_test_add_func ("/kiosk/a11y/committee", test_committee);
  g_test_add_func ("/kiosk/a11y/admin", test_admin);
  g_test_add_func ("/kiosk/a11y/why-disabled", test_why_disabled);
  g_test_add_func ("/kiosk/a11y/found-nothing", test_found_nothing);

  status = g_test_run ();
  g_clear_pointer (&allowed, g_ptr_array_unref);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  if (locale_dir != NULL)
    remove_catalogue (locale_dir);
  return status;
}
