/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk in the person's language (issue 15): the welcome page's
 * language buttons switch the whole window at once; the person's
 * language, large text and high contrast are theirs, kept by the daemon,
 * back at their next sign-in and never inherited by the next person; the
 * home page and a booking in Polish and in Arabic (right to left), with
 * the days named in the language when its locale is generated.
 *
 * The words expected are the catalogue's own (gettext once the kiosk
 * switched), checked not to be the English ones; a language whose
 * catalogue is not built yet is skipped. */
#define G_LOG_DOMAIN "test-languages"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

static gboolean
have_catalogue (const char *code)
{
  g_autofree char *path = g_build_filename (g_getenv ("LEARNHUB_LOCALEDIR"), code, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);

  if (g_getenv ("LEARNHUB_LOCALEDIR") != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_test_skip_printf ("No %s catalogue built yet", code);
  return FALSE;
}

/* The words the kiosk shows now for @msgid: in a language other than
 * English, not the English ones. */
static const char *
shown_for (LhWindow *window, const char *msgid)
{
  const char *words = gettext (msgid);
  g_autofree char *language = NULL;

  g_object_get (window, "language", &language, NULL);
  if (!g_str_equal (language, "en"))
    g_assert_cmpstr (words, !=, msgid);
  return words;
}

static char *
language_of (LhWindow *window)
{
  char *language = NULL;

  g_object_get (window, "language", &language, NULL);
  return language;
}

/* The demo account with this staff number, as a test signs in with it. */
static void
demo_account (const char *staff_number, const char **pin, const char **name)
{
  for (guint n = 0; n < 60; n++)
    {
      const char *staff;

      kiosk_demo_learner (centre, n, &staff, pin, name);
      if (g_str_equal (staff, staff_number))
        return;
    }
  g_assert_not_reached ();
}

/* Signs in with the keypad, reading each step's words in the language
 * the kiosk speaks at that moment. */
static void
sign_in (LhWindow *window, const char *staff, const char *pin, const char *name)
{
  g_autofree char *hello = NULL;

  kiosk_press (window, shown_for (window, "Tap to start"));
  kiosk_wait_for_page (window, "sign-in");
  kiosk_type_digits (window, staff);
  /* The demo's staff numbers have one length: on to the PIN by itself. */
  kiosk_wait_for_label (window, gettext ("Type your PIN"));
  kiosk_type_digits (window, pin);
  kiosk_press (window, gettext ("Sign in"));
  kiosk_wait_for_page (window, "home");
  /* After sign-in: in the person's language. */
  hello = g_strdup_printf (gettext ("Hello, %s"), name);
  kiosk_wait_for_label (window, hello);
}

static void
sign_out (LhWindow *window)
{
  kiosk_press (window, gettext ("Sign out"));
  kiosk_wait_for_page (window, "welcome");
}

static gboolean
language_is (LhWindow *window, gconstpointer code)
{
  g_autofree char *language = language_of (window);

  return g_str_equal (language, code);
}

/* Once the kiosk has saved them, the person's settings as the daemon
 * keeps them match. */
typedef struct
{
  const char *staff;
  const char *pin;
  const char *language;  /* NULL: none saved */
  gboolean    large_text;
  gboolean    high_contrast;
} Saved;

static gboolean
saved (LhWindow *window, gconstpointer data)
{
  static gint64 last;
  const Saved *want = data;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *token = NULL;
  JsonObject *settings;
  const char *language;

  /* A sign-in each look: not at every turn of the main loop. */
  if (g_get_monotonic_time () - last < 200 * G_TIME_SPAN_MILLISECOND)
    return FALSE;
  last = g_get_monotonic_time ();
  token = kiosk_api_sign_in_as (want->staff, want->pin, centre->device_token, &body);
  settings = json_object_get_object_member (body, "settings");
  language = json_object_get_string_member_with_default (settings, "language", NULL);
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
  return g_strcmp0 (language, want->language) == 0 &&
         json_object_get_boolean_member (settings, "large_text") == want->large_text &&
         json_object_get_boolean_member (settings, "high_contrast") == want->high_contrast;
}

static void
forget (const char *staff, const char *pin)
{
  g_autofree char *token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);

  g_assert_cmpuint (kiosk_api_call ("DELETE", "/me/settings", token, NULL, NULL), ==, 204);
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
}

/* Each language button switches the whole window at once, and back. */
static void
test_welcome_switch (void)
{
  Kiosk kiosk = { 0 };

  if (!have_catalogue ("pl") || !have_catalogue ("ar"))
    return;
  kiosk_open_window (&kiosk, centre, centre->device_token, 1280, 800);
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (kiosk_find_button (kiosk.window, (const char *[]) { "English", "Polski", "Română", "العربية" }[i]));

  kiosk_press (kiosk.window, "Polski");
  kiosk_wait_for (kiosk.window, language_is, "pl", "Polish");
  kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Tap to start"));
  kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Welcome to the learning centre"));
  g_assert_null (kiosk_find_label (kiosk.window, "Tap to start"));
  /* The language names stay each in itself. */
  g_assert_nonnull (kiosk_find_button (kiosk.window, "English"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (kiosk.window)), ==, GTK_TEXT_DIR_LTR);

  kiosk_press (kiosk.window, "العربية");
  kiosk_wait_for (kiosk.window, language_is, "ar", "Arabic");
  kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Tap to start"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (kiosk.window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (kiosk_find_label (kiosk.window, gettext ("Tap to start"))), ==,
                   GTK_TEXT_DIR_RTL);
  kiosk_screenshot (kiosk.window, "languages-arabic-welcome");

  kiosk_press (kiosk.window, "English");
  kiosk_wait_for (kiosk.window, language_is, "en", "English");
  kiosk_wait_for_label (kiosk.window, "Tap to start");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (kiosk.window)), ==, GTK_TEXT_DIR_LTR);
  kiosk_close (&kiosk);
}

/* Polish chosen before signing in is the person's: the next person sees
 * English, and the first gets Polish back at their next sign-in. Large
 * text and high contrast likewise. */
static void
test_per_person (void)
{
  Kiosk kiosk = { 0 };
  const char *staff_a, *pin_a, *name_a, *staff_b, *pin_b, *name_b;
  Saved a_polish, b_large;

  if (!have_catalogue ("pl"))
    return;
  kiosk_demo_learner (centre, 4, &staff_a, &pin_a, &name_a);
  kiosk_demo_learner (centre, 5, &staff_b, &pin_b, &name_b);
  a_polish = (Saved) { staff_a, pin_a, "pl", FALSE, FALSE };
  b_large = (Saved) { staff_b, pin_b, NULL, TRUE, TRUE };
  kiosk_open_window (&kiosk, centre, centre->device_token, 1280, 800);

  kiosk_press (kiosk.window, "Polski");
  kiosk_wait_for (kiosk.window, language_is, "pl", "Polish");
  sign_in (kiosk.window, staff_a, pin_a, name_a);
  g_assert_true (language_is (kiosk.window, "pl"));
  kiosk_wait_for (kiosk.window, saved, &a_polish, "Polish saved for the person");
  /* Changed while signed in (as any control of the window would): saved
   * at once; then back to Polish. */
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.language", "s", "ro");
  g_assert_true (language_is (kiosk.window, "ro"));
  a_polish.language = "ro";
  kiosk_wait_for (kiosk.window, saved, &a_polish, "Romanian saved for the person");
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.language", "s", "pl");
  a_polish.language = "pl";
  kiosk_wait_for (kiosk.window, saved, &a_polish, "Polish saved again");
  sign_out (kiosk.window);
  /* The centre's defaults for the next person. */
  kiosk_wait_for_label (kiosk.window, "Tap to start");
  g_assert_true (language_is (kiosk.window, "en"));

  /* The next person: English; large text and high contrast, theirs. */
  kiosk_press (kiosk.window, "Large text");
  kiosk_press (kiosk.window, "High contrast");
  sign_in (kiosk.window, staff_b, pin_b, name_b);
  g_assert_true (language_is (kiosk.window, "en"));
  kiosk_wait_for (kiosk.window, saved, &b_large, "large text and high contrast saved");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "large-text"));
  sign_out (kiosk.window);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "large-text"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "high-contrast"));

  /* The first again: Polish comes back, in normal text. */
  sign_in (kiosk.window, staff_a, pin_a, name_a);
  g_assert_true (language_is (kiosk.window, "pl"));
  kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Book a computer"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "large-text"));
  sign_out (kiosk.window);
  g_assert_true (language_is (kiosk.window, "en"));

  /* The second again: large text and high contrast come back, and go
   * when the kiosk signs them out for walking away. */
  sign_in (kiosk.window, staff_b, pin_b, name_b);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "large-text"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "high-contrast"));
  g_object_set (kiosk.window, "idle-warning", 0, "idle-timeout", 2, NULL);
  kiosk_wait_for_page (kiosk.window, "welcome");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "large-text"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (kiosk.window), "high-contrast"));
  kiosk_close (&kiosk);

  /* Leave the demo centre as it was for the other tests. */
  forget (staff_a, pin_a);
  forget (staff_b, pin_b);
}

/* The day names the C library gives in Polish and Arabic, when their
 * locales are generated (tools/lib.sh); otherwise English, as the kiosk
 * falls back to (app/lh-language.c). */
static const char * const polish_days[] = {
  "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", NULL,
};
static const char * const arabic_days[] = {
  "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", NULL,
};

static gboolean
has_locale (const char *name)
{
  g_autofree char *was = g_strdup (setlocale (LC_TIME, NULL));
  gboolean have = setlocale (LC_TIME, name) != NULL;

  setlocale (LC_TIME, was);
  return have;
}

/* Some label names a day in one of these words. */
static gboolean
day_named (LhWindow *window, gconstpointer names)
{
  g_autofree char *text = kiosk_screen_text (window);

  for (const char * const *name = names; *name != NULL; name++)
    if (strstr (text, *name) != NULL)
      return TRUE;
  return FALSE;
}

/* ---- the day buttons fit ---------------------------------------------- */

static gboolean
is_day_button (GtkWidget *widget, gconstpointer unused)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "lh-day");
}

static void
collect_labels (GtkWidget *widget, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Each label of each day button whole on one line: given at least its
 * natural width, never cut short or wrapped (so never broken mid-word),
 * and inside the button's padding. Returns: how many buttons. */
static guint
assert_day_labels_fit (LhWindow *window, const char *language)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *first = kiosk_find_widget (GTK_WIDGET (window), is_day_button, NULL);
  GtkWidget *strip = first ? gtk_widget_get_ancestor (first, GTK_TYPE_FLOW_BOX) : NULL;

  g_assert_nonnull (strip);
  for (GtkWidget *child = gtk_widget_get_first_child (strip); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = GTK_IS_FLOW_BOX_CHILD (child) ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))
                                                        : NULL;

      if (button != NULL && is_day_button (button, NULL))
        g_ptr_array_add (buttons, button);
    }
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_labels (button, labels);
      g_assert_cmpuint (labels->len, ==, 2);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = labels->pdata[j];
          int natural = 0;

          gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          if (gtk_widget_get_width (GTK_WIDGET (label)) < natural)
            g_error ("%s: “%s” is %d px wide of %d", language, gtk_label_get_label (label),
                     gtk_widget_get_width (GTK_WIDGET (label)), natural);
          g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
          g_assert_false (gtk_label_get_wrap (label));
          /* Within the button's content box: clear of its padding. */
          if (natural > gtk_widget_get_width (button))
            g_error ("%s: “%s” (%d px) touches the edges of its button (%d px)", language,
                     gtk_label_get_label (label), natural, gtk_widget_get_width (button));
        }
    }
  return buttons->len;
}

/* At the normal text size, the 7 days and All week on one row: the
 * widest word no longer makes every button as wide as itself. */
static void
assert_days_on_one_row (LhWindow *window)
{
  GtkWidget *first = kiosk_find_widget (GTK_WIDGET (window), is_day_button, NULL);
  GtkWidget *strip = first ? gtk_widget_get_ancestor (first, GTK_TYPE_FLOW_BOX) : NULL;
  graphene_point_t top, at;
  guint n = 0;

  g_assert_nonnull (strip);
  g_assert_true (gtk_widget_compute_point (gtk_widget_get_first_child (strip), strip, &GRAPHENE_POINT_INIT (0, 0),
                                           &top));
  for (GtkWidget *child = gtk_widget_get_first_child (strip); child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      g_assert_true (gtk_widget_compute_point (child, strip, &GRAPHENE_POINT_INIT (0, 0), &at));
      g_assert_cmpfloat_with_epsilon (at.y, top.y, 1.0);
    }
  g_assert_cmpuint (n, ==, 8);
}

typedef struct
{
  const char         *code;
  const char         *staff;      /* a demo learner who saved this language */
  const char         *locale;
  const char * const *days;
  GtkTextDirection    direction;
  const char         *home_shot;
  const char         *booking_shot;
} Walk;

static const Walk polish = { "pl", "100039", "pl_PL.UTF-8", polish_days, GTK_TEXT_DIR_LTR,
                             "languages-polish-home", "languages-polish-booking" };
static const Walk arabic = { "ar", "100027", "ar_EG.UTF-8", arabic_days, GTK_TEXT_DIR_RTL,
                             "languages-arabic-home", "languages-arabic-booking" };

/* A demo learner who saved their language signs in (in English, the
 * centre's): home and Book a computer are in their language, the days
 * named in it, laid out in its direction. */
static void
test_walk (gconstpointer data)
{
  const Walk *walk = data;
  Kiosk kiosk = { 0 };
  const char *pin, *name;
  GtkWidget *tile;

  if (!have_catalogue (walk->code))
    return;
  demo_account (walk->staff, &pin, &name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 1280, 800);
  g_assert_true (language_is (kiosk.window, "en"));
  sign_in (kiosk.window, walk->staff, pin, name);
  g_assert_true (language_is (kiosk.window, walk->code));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (kiosk.window)), ==, walk->direction);
  tile = kiosk_find_button (kiosk.window, shown_for (kiosk.window, "Book a computer"));
  g_assert_nonnull (tile);
  g_assert_cmpint (gtk_widget_get_direction (tile), ==, walk->direction);
  g_assert_nonnull (kiosk_find_button (kiosk.window, shown_for (kiosk.window, "Sign out")));
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the home page laid out");
  kiosk_screenshot (kiosk.window, walk->home_shot);

  kiosk_press (kiosk.window, gettext ("Book a computer"));
  kiosk_wait_for_page (kiosk.window, "book");
  kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Today"));
  if (has_locale (walk->locale))
    kiosk_wait_for (kiosk.window, day_named, walk->days, "a day named in the language");
  else
    g_test_message ("No %s locale: the days are named in English", walk->locale);
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the booking page laid out");
  assert_days_on_one_row (kiosk.window);
  kiosk_screenshot (kiosk.window, walk->booking_shot);
  sign_out (kiosk.window);
  g_assert_true (language_is (kiosk.window, "en"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (kiosk.window)), ==, GTK_TEXT_DIR_LTR);
  kiosk_close (&kiosk);
}

/* Issue 15: the 7 day buttons of Book a computer in Polish, Romanian and
 * Arabic, in large text at 1280x800: the locale's short weekday names,
 * whole, on buttons wide enough. */
static void
test_day_buttons_fit (void)
{
  static const char * const languages[] = { "pl", "ro", "ar" };
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;

  if (!have_catalogue ("pl"))
    return;
  /* A learner of no other test here: the settings they are left with
   * are forgotten at the end. */
  kiosk_demo_learner (centre, 5, &staff, &pin, &name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 1280, 800);
  sign_in (kiosk.window, staff, pin, name);
  g_object_set (kiosk.window, "large-text", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (!have_catalogue (languages[i]))
        continue;
      g_object_set (kiosk.window, "language", languages[i], NULL);
      g_assert_true (language_is (kiosk.window, languages[i]));
      kiosk_press (kiosk.window, shown_for (kiosk.window, "Book a computer"));
      kiosk_wait_for_page (kiosk.window, "book");
      kiosk_wait_for_label (kiosk.window, shown_for (kiosk.window, "Today"));
      kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the booking page laid out");
      g_assert_cmpuint (assert_day_labels_fit (kiosk.window, languages[i]), ==, 8);
      {
        g_autofree char *shot = g_strdup_printf ("languages-days-large-%s", languages[i]);

        kiosk_screenshot (kiosk.window, shot);
      }
      kiosk_press (kiosk.window, shown_for (kiosk.window, "Back"));
      kiosk_wait_for_page (kiosk.window, "home");
    }
  sign_out (kiosk.window);
  kiosk_close (&kiosk);
  forget (staff, pin);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/languages/welcome-switch", test_welcome_switch);
  g_test_add_func ("/kiosk/languages/per-person", test_per_person);
  g_test_add_data_func ("/kiosk/languages/walk/polish", &polish, test_walk);
  g_test_add_data_func ("/kiosk/languages/walk/arabic", &arabic, test_walk);
  g_test_add_func ("/kiosk/languages/day-buttons-fit", test_day_buttons_fit);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
