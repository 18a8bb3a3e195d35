/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-week-view"

#include "lh-week-view.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lh-messages.h"
#include "lh-time-format.h"
#include "lh-week-grid.h"

#define N_WEEK_DAYS 7
#define LOADING_DELAY_MS 150
/* A flick, not a slow drag to scroll: pixels per second, mostly sideways. */
#define SWIPE_MIN_VELOCITY 300.0
/* The horizon stops the arrow long before; this only bounds a bad answer. */
#define MAX_WEEKS 52

typedef struct
{
  LhWeekView *self;   /* (unowned) only used when not cancelled */
  guint       index;
} DayRequest;

struct _LhWeekView
{
  AdwBin          parent_instance;

  LhClient       *client;        /* (owned) (nullable) */
  int             week;          /* weeks after this one */
  LhWeekDay       days[N_WEEK_DAYS];
  guint           pending;       /* days asked and not answered */
  gboolean        loading;       /* a whole week on its way: the arrows wait */
  gboolean        bookable;
  guint           loading_id;    /* shows the spinner if the week is slow */
  GError         *error;         /* (owned) (nullable) the last failure */

  /* template children (unowned) */
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
  GtkLabel       *week_title_label;
  GtkStack       *week_stack;
  GtkSpinner     *loading_spinner;
  GtkScrolledWindow *week_scroller;
  GtkGrid        *week_grid;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (LhWeekView, lh_week_view, ADW_TYPE_BIN)

enum {
  SIGNAL_SLOT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- state ------------------------------------------------------------- */

static gboolean
can_go_next (LhWeekView *self)
{
  if (self->loading || self->week + 1 > MAX_WEEKS)
    return FALSE;
  /* The horizon is in this week: the next is not open for booking. */
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    if (self->days[i].state == LH_WEEK_DAY_NOT_YET)
      return FALSE;
  return TRUE;
}

static void
update_sensitivity (LhWeekView *self)
{
  gtk_widget_set_sensitive (self->previous_button, !self->loading && self->week > 0);
  gtk_widget_set_sensitive (self->next_button, can_go_next (self));
  /* While another week loads, the one still in view cannot be tapped. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->week_grid), !self->loading && self->bookable);
}

static void
stop_loading_timer (LhWeekView *self)
{
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->loading_spinner != NULL)
    gtk_spinner_stop (self->loading_spinner);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  LhWeekView *self = user_data;

  self->loading_id = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->week_stack, "loading");
  return G_SOURCE_REMOVE;
}

/* ---- the grid ---------------------------------------------------------- */

static void
cell_clicked_cb (GtkButton  *button,
                 LhWeekView *self)
{
  const LhSlot *slot = g_object_get_data (G_OBJECT (button), "lh-slot");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lh-day"));

  if (slot == NULL || slot->state != LH_SLOT_FREE || self->loading || !self->bookable ||
      index >= N_WEEK_DAYS)
    return;
  g_signal_emit (self, signals[SIGNAL_SLOT_ACTIVATED], 0, slot, self->days[index].own);
}

static void
build_grid (LhWeekView *self)
{
  g_autoptr(GDateTime) now = lh_client_now (self->client);

  lh_week_grid_fill (self->week_grid, self->days, N_WEEK_DAYS, now,
                     G_CALLBACK (cell_clicked_cb), self);
}

static void
show_title (LhWeekView *self)
{
  GDateTime *monday = self->days[0].day;
  GDateTime *sunday = self->days[N_WEEK_DAYS - 1].day;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  g_autofree char *title = NULL;

  /* Translators: a day of the month, and a date without the year, as
   * g_date_time_format() patterns; together "23 to 29 November" */
  from = g_date_time_get_month (monday) == g_date_time_get_month (sunday)
         ? g_date_time_format (monday, _("%-d")) : g_date_time_format (monday, _("%-d %B"));
  to = g_date_time_format (sunday, _("%-d %B"));
  /* Translators: a week, "23 to 29 November" */
  range = g_strdup_printf (_("%s to %s"), from, to);
  if (self->week == 0)
    /* Translators: "This week: 23 to 29 November" */
    title = g_strdup_printf (_("This week: %s"), range);
  else if (self->week == 1)
    /* Translators: "Next week: 30 November to 6 December" */
    title = g_strdup_printf (_("Next week: %s"), range);
  else
    title = g_steal_pointer (&range);
  gtk_label_set_label (self->week_title_label, title);
}

/* Every day asked has answered. */
static void
week_arrived (LhWeekView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->week_scroller);
  gboolean again = !self->loading && g_strcmp0 (gtk_stack_get_visible_child_name (self->week_stack), "week") == 0;
  double scrolled = gtk_adjustment_get_value (vadjustment);
  gboolean failed = FALSE;

  stop_loading_timer (self);
  self->loading = FALSE;
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    failed |= self->days[i].state == LH_WEEK_DAY_FAILED;

  if (failed)
    {
      g_autofree char *message = lh_message_for_error (self->error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->week_stack, "error");
    }
  else
    {
      build_grid (self);
      gtk_stack_set_visible_child_name (self->week_stack, "week");
      /* The same week again (a change elsewhere): stay where the person
       * was reading; the new rows are not allocated yet, so the old
       * bounds still hold. */
      gtk_adjustment_set_value (vadjustment, again ? scrolled : 0);
    }
  update_sensitivity (self);
}

static void
availability_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree DayRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  LhAvailability *availability;
  LhWeekView *self;
  LhWeekDay *day;

  availability = lh_client_get_availability_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  day = &self->days[request->index];
  g_clear_object (&day->cancellable);
  self->pending--;

  if (availability != NULL)
    {
      LhPerson *person = lh_client_get_person (LH_CLIENT (source));

      lh_week_day_take_answer (day, availability, person ? person->limits.slot_minutes : 0);
    }
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    {
      lh_week_day_forget_answer (day);
      day->state = LH_WEEK_DAY_NOT_YET;
    }
  else
    {
      g_debug ("%s could not be loaded: %s", day->date, error->message);
      /* What was known stays; the window signs out on 401 by itself. */
      if (day->availability == NULL)
        day->state = LH_WEEK_DAY_FAILED;
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }

  if (self->pending == 0)
    week_arrived (self);
}

static void
ask_day (LhWeekView *self,
         guint       index)
{
  LhWeekDay *day = &self->days[index];
  DayRequest *request = g_new0 (DayRequest, 1);

  /* Asked again before the answer: only the newer one counts. */
  if (day->cancellable != NULL)
    g_cancellable_cancel (day->cancellable);
  else
    self->pending++;
  g_clear_object (&day->cancellable);
  day->cancellable = g_cancellable_new ();
  request->self = self;
  request->index = index;
  lh_client_get_availability_async (self->client, day->date, day->cancellable,
                                    availability_cb, request);
}

static void
cancel_all (LhWeekView *self)
{
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    lh_week_day_clear (&self->days[i]);
  self->pending = 0;
  self->loading = FALSE;
  g_clear_error (&self->error);
  stop_loading_timer (self);
}

static void
move (LhWeekView *self,
      int         weeks)
{
  /* One week at a time: taps while it loads send nothing. */
  if (self->loading || self->client == NULL || self->week + weeks < 0 ||
      (weeks > 0 && !can_go_next (self)))
    return;
  lh_week_view_show_week (self, self->week + weeks);
}

static void
previous_clicked_cb (LhWeekView *self,
                     GtkButton  *button)
{
  move (self, -1);
}

static void
next_clicked_cb (LhWeekView *self,
                 GtkButton  *button)
{
  move (self, 1);
}

static void
retry_clicked_cb (LhWeekView *self,
                  GtkButton  *button)
{
  lh_week_view_show_week (self, self->week);
}

static void
swept_cb (GtkGestureSwipe *gesture,
          double           velocity_x,
          double           velocity_y,
          LhWeekView      *self)
{
  if (fabs (velocity_x) < SWIPE_MIN_VELOCITY || fabs (velocity_x) < 2 * fabs (velocity_y))
    return;
  /* The finger goes left to bring the next week in from the right. */
  move (self, velocity_x < 0 ? 1 : -1);
}

/* ---- GObject ----------------------------------------------------------- */

static void
lh_week_view_dispose (GObject *object)
{
  LhWeekView *self = LH_WEEK_VIEW (object);

  cancel_all (self);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_WEEK_VIEW);

  G_OBJECT_CLASS (lh_week_view_parent_class)->dispose (object);
}

static void
lh_week_view_class_init (LhWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_week_view_dispose;

  /* A free slot was tapped: slot (LhSlot, transfer none) and the
   * person's own bookings that day (GPtrArray of LhSlot, transfer none). */
  signals[SIGNAL_SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, next_button);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, week_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, week_stack);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, week_grid);
  gtk_widget_class_bind_template_child (widget_class, LhWeekView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
lh_week_view_init (LhWeekView *self)
{
  GtkGesture *swipe = gtk_gesture_swipe_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bookable = TRUE;

  /* Seen before the cells and the scroller, which never claim a sideways
   * flick; a tap on a cell is still a tap. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (swipe), GTK_PHASE_CAPTURE);
  g_signal_connect (swipe, "swipe", G_CALLBACK (swept_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (swipe));
}

/* ---- API --------------------------------------------------------------- */

void
lh_week_view_set_client (LhWeekView *self,
                         LhClient   *client)
{
  g_return_if_fail (LH_IS_WEEK_VIEW (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  if (self->client == client)
    return;
  lh_week_view_reset (self);
  g_set_object (&self->client, client);
}

void
lh_week_view_show_week (LhWeekView *self,
                        int         week)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;

  g_return_if_fail (LH_IS_WEEK_VIEW (self));
  g_return_if_fail (week >= 0);

  if (self->client == NULL)
    return;
  cancel_all (self);
  self->week = week;
  now = lh_client_now (self->client);
  today = lh_day_start (now, 0);
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    {
      LhWeekDay *day = &self->days[i];

      /* Monday (1) to Sunday (7). */
      day->day = lh_day_start (now, 7 * week + (int) i + 1 - g_date_time_get_day_of_week (now));
      day->date = g_date_time_format (day->day, "%Y-%m-%d");
      day->state = g_date_time_compare (day->day, today) < 0 ? LH_WEEK_DAY_PAST : LH_WEEK_DAY_LOADING;
    }
  show_title (self);

  self->loading = TRUE;
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    if (self->days[i].state == LH_WEEK_DAY_LOADING)
      ask_day (self, i);
  self->loading_id = g_timeout_add (LOADING_DELAY_MS, show_loading_cb, self);
  update_sensitivity (self);
}

int
lh_week_view_get_week (LhWeekView *self)
{
  g_return_val_if_fail (LH_IS_WEEK_VIEW (self), 0);

  return self->week;
}

gboolean
lh_week_view_is_loading (LhWeekView *self)
{
  g_return_val_if_fail (LH_IS_WEEK_VIEW (self), FALSE);

  return self->loading;
}

void
lh_week_view_reload (LhWeekView *self)
{
  g_return_if_fail (LH_IS_WEEK_VIEW (self));

  if (self->client == NULL || self->days[0].day == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->week_stack), "week") != 0)
    {
      lh_week_view_show_week (self, self->week);
      return;
    }
  for (guint i = 0; i < N_WEEK_DAYS; i++)
    if (self->days[i].state != LH_WEEK_DAY_PAST)
      ask_day (self, i);
}

void
lh_week_view_date_changed (LhWeekView *self,
                           const char *date)
{
  g_return_if_fail (LH_IS_WEEK_VIEW (self));
  g_return_if_fail (date != NULL);

  for (guint i = 0; self->client != NULL && i < N_WEEK_DAYS; i++)
    if (self->days[i].state != LH_WEEK_DAY_PAST && g_strcmp0 (self->days[i].date, date) == 0)
      {
        g_debug ("%s changed elsewhere", date);
        ask_day (self, i);
      }
}

void
lh_week_view_set_bookable (LhWeekView *self,
                           gboolean    bookable)
{
  g_return_if_fail (LH_IS_WEEK_VIEW (self));

  self->bookable = bookable;
  update_sensitivity (self);
}

void
lh_week_view_reset (LhWeekView *self)
{
  g_return_if_fail (LH_IS_WEEK_VIEW (self));

  cancel_all (self);
  self->week = 0;
  if (self->week_grid == NULL)
    return;
  lh_week_grid_clear (self->week_grid);
  gtk_label_set_label (self->week_title_label, "");
  gtk_stack_set_visible_child_name (self->week_stack, "loading");
  update_sensitivity (self);
}
