/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-window.c and lh-window-actions.c. */
#pragma once

#include "lh-advice-page.h"
#include "lh-approvals-page.h"
#include "lh-equipment-page.h"
#include "lh-assessments-page.h"
#include "lh-book-page.h"
#include "lh-desk-alerts.h"
#include "lh-desk-page.h"
#include "lh-equality-page.h"
#include "lh-dashboard-page.h"
#include "lh-action-plan-page.h"
#include "lh-facility-page.h"
#include "lh-meetings-page.h"
#include "lh-fault-page.h"
#include "lh-bookings-page.h"
#include "lh-groups-page.h"
#include "lh-guest-page.h"
#include "lh-home-page.h"
#include "lh-idle-monitor.h"

/* A ULR at the desk talks with someone for minutes on end without
 * touching the screen: there, the idle sign-out waits at least this long. */
#define LH_WINDOW_DESK_IDLE_SECONDS (10 * 60)
#include "lh-notifier.h"
#include "lh-record-page.h"
#include "lh-sign-in-page.h"
#include "lh-time-off-page.h"
#include "lh-timetable-page.h"
#include "lh-welcome-page.h"
#include "lh-window.h"

G_BEGIN_DECLS

struct _LhWindow
{
  AdwApplicationWindow parent_instance;

  LhClient        *client;        /* (owned) */
  LhIdleMonitor   *idle;          /* (owned) */
  int              idle_timeout;  /* a test's seconds to sign-out; 0: the centre's timing */
  int              idle_warning;  /* a test's warning seconds; 0: the centre's */
  gboolean         long_page;     /* the page shown is taller than the screen */
  GCancellable    *cancellable;   /* (owned) the window's own requests */
  gboolean         health_known;  /* GET /health answered: the centre's zone is known */
  gboolean         large_text;
  gboolean         high_contrast;
  /* the person's settings (lh-window-settings.c) */
  gboolean         applying_settings;  /* not the person's doing: nothing to save */
  gboolean         pending_language;   /* chosen on the welcome page, before signing in */
  char             person_language[8]; /* the signed-in person's saved or chosen; "": none */
  gboolean         pending_large_text;
  gboolean         pending_high_contrast;
  gboolean         default_large_text; /* the centre's, for whoever comes next */
  gboolean         default_high_contrast;
  /* a PC's own kiosk (lh-window-pc.c) */
  LhDevice        *device;             /* (owned) (nullable) what GET /devices/current said last */
  GCancellable    *device_cancellable; /* (owned) (nullable) while asking it */
  guint            reserved_timeout_id;/* when "Reserved from" turns to "until", or goes */
  LhHeartbeat     *heartbeat;          /* (owned) */
  LhNotifier      *notifier;           /* (owned) */
  LhDeskAlerts    *desk_alerts;        /* (owned) a ULR's notifications */

  /* template children (unowned) */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *idle_overlay;
  GtkWidget       *idle_card;
  GtkLabel        *idle_countdown_label;
  GtkWidget       *still_here_button;
  GtkWidget       *top_bar;
  GtkWidget       *back_button;
  GtkWidget       *sign_out_button;
  GtkLabel        *title_label;
  GtkRevealer     *offline_revealer;
  LhSittingBar    *sitting_bar;
  GtkStack        *stack;
  LhWelcomePage   *welcome_page;
  LhSignInPage    *sign_in_page;
  LhFaultPage     *fault_page;
  LhHomePage      *home_page;
  LhBookPage      *book_page;
  LhBookingsPage  *bookings_page;
  LhGroupsPage    *groups_page;
  LhGuestPage     *guest_page;
  LhAssessmentsPage *assessments_page;
  LhTimetablePage *timetable_page;
  LhDeskPage      *desk_page;
  LhFacilityPage  *facility_page;
  LhEqualityPage  *equality_page;
  LhDashboardPage *dashboard_page;
  LhAdvicePage    *advice_page;
  LhRecordPage    *record_page;
  LhTimeOffPage   *time_off_page;
  LhApprovalsPage *approvals_page;
  LhEquipmentPage *equipment_page;
  LhActionPlanPage *action_plan_page;  /* added in code, not the template */
  LhMeetingsPage  *meetings_page;      /* added in code, not the template */
};

void lh_window_show_page             (LhWindow   *self,
                                     const char *name);
/* Signs out at once; tells the daemon in the background. */
void lh_window_sign_out              (LhWindow   *self,
                                     const char *toast);
void lh_window_check_health          (LhWindow   *self);
void lh_window_class_install_actions (GtkWidgetClass *widget_class);

/* lh-window-session.c: signing in and out, and forgetting the last person */
void lh_window_session_class_init    (GtkWidgetClass *widget_class);
void lh_window_session_setup         (LhWindow   *self);

/* lh-window-pc.c */
void     lh_window_pc_setup          (LhWindow *self);
void     lh_window_pc_dispose        (LhWindow *self);
/* Signed in and sitting at this PC. */
gboolean lh_window_pc_is_sitting     (LhWindow *self);

/* lh-window-settings.c: language, large text and high contrast, the
 * person's own while signed in, the centre's defaults otherwise. */
void     lh_window_settings_constructed (LhWindow *self);
void     lh_window_settings_changed     (LhWindow   *self,
                                         const char *which);
void     lh_window_settings_signed_in   (LhWindow *self);
void     lh_window_settings_signed_out  (LhWindow *self);
void     lh_window_settings_set_language (LhWindow   *self,
                                          const char *code);

/* lh-window-time-off.c: decisions on paid time off, told to the person */
void     lh_window_time_off_setup     (LhWindow *self);
/* Just signed in: decisions made while they were away. */
void     lh_window_time_off_signed_in (LhWindow *self);

/* lh-window-idle.c: the centre's idle timing for the page shown, unless
 * a test set its own; returns whether the time to sign-out changed. */
gboolean lh_window_apply_idle_timing (LhWindow *self);
void     lh_window_idle_countdown_cb (LhWindow      *self,
                                      int            seconds,
                                      LhIdleMonitor *idle);

G_END_DECLS
