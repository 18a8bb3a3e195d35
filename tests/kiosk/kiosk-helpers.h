/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for the kiosk test: only what is mapped counts, as only that
 * can be seen; a wait that runs out fails the test and says what was on
 * the screen. */
#pragma once

#include <adwaita.h>

#include "lh-test-daemon.h"
#include "lh-window.h"

G_BEGIN_DECLS

/* Makes the XDG folders the environment names, then starts GTK and
 * libadwaita. No display is a failure, not a skip. */
void       kiosk_test_init          (int    *argc,
                                     char ***argv);

/* A kiosk window with a client of its own, as a test holds them. */
typedef struct
{
  LhClient *client;  /* (owned) */
  LhWindow *window;  /* (owned) */
} Kiosk;

typedef gboolean (*KioskPredicate) (GtkWidget *widget, gconstpointer data);
typedef gboolean (*KioskCondition) (LhWindow *window, gconstpointer data);

GtkWidget *kiosk_find_widget        (GtkWidget      *root,
                                     KioskPredicate  predicate,
                                     gconstpointer   data);
gboolean   kiosk_is_label           (GtkWidget *widget, gconstpointer text);
gboolean   kiosk_is_label_prefix    (GtkWidget *widget, gconstpointer text);
/* A button with a label of exactly these words somewhere inside. */
gboolean   kiosk_is_button          (GtkWidget *widget, gconstpointer text);
gboolean   kiosk_has_css_class      (GtkWidget *widget, gconstpointer css_class);
gboolean   kiosk_collect_label      (GtkWidget *widget, gconstpointer gstring);

GtkWidget *kiosk_find_label         (LhWindow *window, const char *text);
GtkWidget *kiosk_find_label_prefix  (LhWindow *window, const char *text);
GtkWidget *kiosk_find_button        (LhWindow *window, const char *text);
/* Every label on the screen, quoted, for failure messages. */
char      *kiosk_screen_text        (LhWindow *window);

/* Runs the main loop until condition holds, for at most 20 seconds. */
void       kiosk_wait_for           (LhWindow       *window,
                                     KioskCondition  condition,
                                     gconstpointer   data,
                                     const char     *what);
/* The same for at most this long; FALSE if it ran out. */
gboolean   kiosk_wait_at_most       (LhWindow       *window,
                                     KioskCondition  condition,
                                     gconstpointer   data,
                                     guint           milliseconds);
/* Runs the main loop for this long. */
void       kiosk_spin               (guint milliseconds);

gboolean   kiosk_label_shown        (LhWindow *window, gconstpointer text);
gboolean   kiosk_label_prefix_shown (LhWindow *window, gconstpointer text);
gboolean   kiosk_label_gone         (LhWindow *window, gconstpointer text);
gboolean   kiosk_button_ready       (LhWindow *window, gconstpointer text);
gboolean   kiosk_page_shown         (LhWindow *window, gconstpointer name);

void       kiosk_wait_for_page      (LhWindow *window, const char *name);
/* For kiosk_wait_for: a mapped widget of that name (a const char *). */
gboolean   kiosk_named_shown        (LhWindow *window, gconstpointer name);
/* The mapped widget of that name, waiting for it. */
GtkWidget *kiosk_find_named         (LhWindow *window, const char *name);
/* For kiosk_wait_for: no page fading and every control allocated. */
gboolean   kiosk_laid_out           (LhWindow *window, gconstpointer data);
/* Once laid out, every control on the screen is a touch target (48 px
 * or more each way) with words a screen reader can read. */
void       kiosk_assert_touch_targets (LhWindow *window);
void       kiosk_wait_for_label     (LhWindow *window, const char *text);
/* Waits for the visible, sensitive button with these words and presses it. */
void       kiosk_press              (LhWindow *window, const char *text);
/* Presses the keypad's digit keys one by one. */
void       kiosk_type_digits        (LhWindow *window, const char *digits);
/* After a whole staff number: Next, unless the keypad went on to the PIN
 * by itself (the daemon said how long staff numbers are). */
void       kiosk_staff_number_next  (LhWindow *window);

gboolean   kiosk_window_mapped      (LhWindow *window, gconstpointer data);
/* Only the test's reference is left: no request still holds the client. */
gboolean   kiosk_client_idle        (LhWindow *window, gconstpointer client);
gboolean   kiosk_stream_open        (LhWindow *window, gconstpointer client);

/* For async calls in tests: user_data is a GAsyncResult ** set to the
 * (owned) result; kiosk_result_ready() waits for it. */
void       kiosk_async_result_cb    (GObject      *source,
                                     GAsyncResult *result,
                                     gpointer      user_data);
gboolean   kiosk_result_ready       (LhWindow *window, gconstpointer result);

/* Makes a client of daemon's with device_token and a window on it (of
 * this size; 0 for the default), shows it and waits for the welcome page. */
void       kiosk_open_window        (Kiosk        *kiosk,
                                     LhTestDaemon *daemon,
                                     const char   *device_token,
                                     int           width,
                                     int           height);
/* A window at the desk's kiosk, signed in as this person. */
void       kiosk_open_signed_in     (Kiosk        *kiosk,
                                     LhTestDaemon *daemon,
                                     const char   *staff,
                                     const char   *pin,
                                     const char   *name);
/* The same as the n-th demo learner (see kiosk_demo_learner()). */
void       kiosk_open_learner       (Kiosk        *kiosk,
                                     LhTestDaemon *daemon,
                                     guint         learner);
/* Destroys the window, waits for the requests in flight to end and
 * checks that the window and the client are finalised. */
void       kiosk_close              (Kiosk *kiosk);

/* The n-th demo account that is only a learner (all owned by daemon). */
void       kiosk_demo_learner       (LhTestDaemon  *daemon,
                                     guint          n,
                                     const char   **staff,
                                     const char   **pin,
                                     const char   **name);
/* As big as the first monitor, as --fullscreen makes a window. */
void       kiosk_fill_screen        (GtkWindow *window);
/* The n-th demo account with the ULR role (all owned by daemon). The
 * demo's two ULRs staff today's live drop-in; the first has a
 * conversation started in it. */
void       kiosk_demo_ulr           (LhTestDaemon  *daemon,
                                     guint          n,
                                     const char   **staff,
                                     const char   **pin,
                                     const char   **name);
/* The demo's admin, the employer's contact point (all owned by daemon). */
void       kiosk_demo_admin         (LhTestDaemon  *daemon,
                                     const char   **staff,
                                     const char   **pin,
                                     const char   **name);
/* From the welcome page to the home page, on the keypad. */
void       kiosk_sign_in            (LhWindow   *window,
                                     const char *staff,
                                     const char *pin,
                                     const char *name);
/* The text of the first page title on the screen (nullable). */
char      *kiosk_day_title          (LhWindow *window);
/* From the home page, Book a computer, and the first day from tomorrow
 * on with a free slot, so that a test does not depend on the time of
 * day. */
void       kiosk_show_a_free_slot   (LhWindow *window);

/* For the README and to look at: only when asked (LH_TEST_SCREENSHOTS=DIR,
 * with the test run alone, as the screen is the whole Xvfb root window),
 * DIR/NAME.png; and the same in high contrast with large text,
 * DIR/NAME-hc.png. */
void       kiosk_screenshot         (LhWindow   *window,
                                     const char *name);

/* The title of a booking's row on My bookings, as the kiosk shows it
 * now (in the centre's zone of the client). */
char      *kiosk_booking_row_title  (LhClient        *client,
                                     const LhBooking *booking);

/* A setup for lh_test_daemon_start_with_setup(): PCs open all week,
 * day and night ("PC Always", "PC Always 2", "PC Always 3"), each with
 * a kiosk of its own, so that sitting down does not depend on the hour
 * the test runs. user_data: a GStrv * set to their device tokens. */
#define KIOSK_ALWAYS_OPEN_PC "PC Always"
void       kiosk_setup_always_open_pcs (const char *db_path,
                                        gpointer    user_data);

G_END_DECLS
