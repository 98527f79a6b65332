/**
 * The Persian catalogue: the source of every user-visible string.
 *
 * Keys are flat and dotted (`area.item`). Placeholders are `{name}`; the
 * caller formats numbers before passing them, so digits follow the language.
 * Other catalogues are typed against this one, so a key added here and
 * missing elsewhere fails the type check.
 */
import { dayFa } from "./day.fa";
import { exchangeFa } from "./exchange.fa";
import { groupsFa } from "./groups.fa";
import { printFa } from "./print.fa";
import { programmeFa } from "./programme.fa";
import { sitesFa } from "./sites.fa";
import { toursFa } from "./tours.fa";

export const fa = {
  "app.name": "گردش",
  "app.tagline": "دور اصفهان در ۸۰ روز",
  "app.documentTitle": "گردش — دور اصفهان در ۸۰ روز",

  "shell.navLabel": "بخش‌های برنامه",
  "shell.skipToContent": "رفتن به محتوا",
  "shell.switchLanguage": "تغییر زبان به انگلیسی",
  "shell.otherLanguage": "English",
  "shell.languageNotSaved": "زبان تغییر کرد اما ذخیره نشد.",
  "shell.loading": "در حال بارگذاری…",
  "shell.retry": "تلاش دوباره",
  "shell.dismiss": "بستن",
  "shell.errorDetail": "جزئیات فنی",

  "nav.dashboard": "داشبورد",
  "nav.sites": "سایت‌های پروژه",
  "nav.programme": "برنامه",
  "nav.tours": "تورها",
  "nav.groups": "گروه‌ها",
  "nav.checkin": "پذیرش",
  "nav.requests": "درخواست‌های شهروندان",
  "nav.reports": "گزارش‌ها",
  "nav.settings": "تنظیمات",

  "dashboard.greeting": "{name}، خوش آمدید",
  "dashboard.welcome": "به گردش خوش آمدید",
  "dashboard.setNameHint": "نام خود را در تنظیمات وارد کنید تا اینجا نمایش داده شود.",
  "dashboard.today": "امروز",
  "dashboard.solarHijri": "هجری شمسی",
  "dashboard.gregorian": "میلادی",
  "dashboard.database": "پایگاه داده",
  "dashboard.dbPath": "فایل",
  "dashboard.dbSchemaVersion": "نسخهٔ ساختار",
  "dashboard.dbIntegrity": "سلامت",
  "dashboard.dbIntegrityOk": "سالم",
  "dashboard.dbIntegrityProblem": "مشکل دارد",
  "dashboard.dbJournalMode": "حالت ژورنال",
  "dashboard.dbSize": "اندازه",
  "dashboard.about": "دربارهٔ برنامه",
  "dashboard.appVersion": "نسخهٔ برنامه",
  "dashboard.loadFailed": "وضعیت برنامه خوانده نشد.",

  "unit.bytes": "{n} بایت",
  "unit.kilobytes": "{n} کیلوبایت",
  "unit.megabytes": "{n} مگابایت",
  "unit.gigabytes": "{n} گیگابایت",

  "settings.intro": "این تنظیمات در پایگاه دادهٔ همین رایانه ذخیره می‌شوند.",
  "settings.name": "نام هماهنگ‌کننده",
  "settings.nameHint": "برای خوش‌آمدگویی در داشبورد به کار می‌رود.",
  "settings.nameCount": "{count} از {max} نویسه",
  "settings.nameTooLong": "نام حداکثر می‌تواند {max} نویسه باشد.",
  "settings.nameControl": "نام نباید نویسهٔ کنترلی (مانند Tab) داشته باشد.",
  "settings.language": "زبان",
  "settings.languageFa": "فارسی",
  "settings.languageEn": "انگلیسی",
  "settings.calendar": "تقویم",
  "settings.calendarHint": "تاریخ‌ها نخست با این تقویم نمایش داده می‌شوند.",
  "settings.calendarPersian": "هجری شمسی",
  "settings.calendarGregorian": "میلادی",
  "settings.weekend": "روزهای تعطیل هفته",
  "settings.weekendHint": "در این روزها توری برنامه‌ریزی نمی‌شود.",
  "settings.weekendAll": "همهٔ هفت روز هفته نمی‌توانند تعطیل باشند.",
  "settings.save": "ذخیره",
  "settings.saving": "در حال ذخیره…",
  "settings.revert": "بازگشت به مقادیر ذخیره‌شده",
  "settings.saved": "تنظیمات ذخیره شد.",
  "settings.unsaved": "تغییرات ذخیره‌نشده دارید.",
  "settings.fixFields": "پیش از ذخیره، خطاهای مشخص‌شده را برطرف کنید.",
  "settings.saveFailed": "تنظیمات ذخیره نشد.",
  "settings.loadFailed": "تنظیمات خوانده نشد.",

  "weekday.saturday": "شنبه",
  "weekday.sunday": "یکشنبه",
  "weekday.monday": "دوشنبه",
  "weekday.tuesday": "سه‌شنبه",
  "weekday.wednesday": "چهارشنبه",
  "weekday.thursday": "پنجشنبه",
  "weekday.friday": "جمعه",

  "weekdayShort.saturday": "ش",
  "weekdayShort.sunday": "ی",
  "weekdayShort.monday": "د",
  "weekdayShort.tuesday": "س",
  "weekdayShort.wednesday": "چ",
  "weekdayShort.thursday": "پ",
  "weekdayShort.friday": "ج",

  "month.farvardin": "فروردین",
  "month.ordibehesht": "اردیبهشت",
  "month.khordad": "خرداد",
  "month.tir": "تیر",
  "month.mordad": "مرداد",
  "month.shahrivar": "شهریور",
  "month.mehr": "مهر",
  "month.aban": "آبان",
  "month.azar": "آذر",
  "month.dey": "دی",
  "month.bahman": "بهمن",
  "month.esfand": "اسفند",

  "date.problem.empty": "تاریخی وارد نشده است",
  "date.problem.notADate": "«{input}» تاریخ نیست؛ به شکل ۱۴۰۵/۱۰/۰۱ بنویسید",
  "date.problem.shortYear": "سال را چهاررقمی بنویسید (مثلاً ۱۴۰۵)، نه «{year}»",
  "date.problem.yearRange": "سال {year} بیرون از بازهٔ {min} تا {max} است",
  "date.problem.month": "ماه {month} وجود ندارد؛ ماه‌ها ۱ تا ۱۲ هستند",
  "date.problem.leapDay": "سال {year} روز ۳۰ اسفند ندارد: {year} کبیسه نیست",
  "date.problem.day": "{month} {max} روز دارد؛ روز {day} وجود ندارد",
  "date.problem.notGregorian": "«{input}» تاریخ میلادی نیست؛ به شکل ۲۰۲۶-۱۲-۲۲ بنویسید",
  "date.problem.gregorianDay": "{month} {year} {max} روز دارد؛ روز {day} وجود ندارد",
  "date.problem.gregorianRange": "تاریخ میلادی باید میان {min} و {max} باشد",
  "date.problem.beforeMin": "تاریخ نباید پیش از {date} باشد",
  "date.problem.afterMax": "تاریخ نباید پس از {date} باشد",

  "datePicker.placeholder": "۱۴۰۵/۱۰/۰۱",
  "datePicker.open": "باز کردن تقویم",
  "datePicker.dialog": "انتخاب تاریخ",
  "datePicker.prevMonth": "ماه قبل",
  "datePicker.nextMonth": "ماه بعد",
  "datePicker.prevYear": "سال قبل",
  "datePicker.nextYear": "سال بعد",
  "datePicker.today": "امروز",
  "datePicker.weekend": "تعطیل آخر هفته",
  "datePicker.holiday": "تعطیل: {name}",
  "datePicker.keyArrows": "روز و هفته",
  "datePicker.keyPages": "ماه",
  "datePicker.keyShiftPages": "سال",
  "datePicker.keyEnter": "انتخاب",
  "datePicker.capArrows": "← → ↑ ↓",
  "datePicker.capPages": "PgUp PgDn",
  "datePicker.capShiftPages": "Shift + PgUp PgDn",
  "datePicker.capEnter": "Enter",
  "datePicker.capEscape": "Esc",
  "datePicker.keyEscape": "بستن",

  "converter.title": "تبدیل تاریخ",
  "converter.intro": "تاریخ را به هجری شمسی یا میلادی بنویسید یا از تقویم انتخاب کنید.",
  "converter.solarHijri": "تاریخ هجری شمسی",
  "converter.gregorian": "تاریخ میلادی",
  "converter.gregorianPlaceholder": "۲۰۲۶-۱۲-۲۲",
  "converter.gregorianHint": "به شکل سال-ماه-روز، مانند ۲۰۲۶-۱۲-۲۲",
  "converter.weekday": "روز هفته",
  "converter.empty": "هنوز تاریخی وارد نشده است.",

  "error.invalid_input": "ورودی نامعتبر است.",
  "error.not_found": "مورد خواسته‌شده پیدا نشد.",
  "error.conflict": "این تغییر با تغییر دیگری تداخل دارد. صفحه را دوباره باز کنید و دوباره امتحان کنید.",
  "error.database_newer": "پایگاه داده با نسخهٔ جدیدتری از گردش ساخته شده است. برنامه را به‌روز کنید.",
  "error.database_corrupt": "پایگاه داده آسیب دیده است. آن را از یک نسخهٔ پشتیبان بازیابی کنید.",
  "error.database_io": "خواندن یا نوشتن پایگاه داده ممکن نشد. فضای دیسک و دسترسی‌ها را بررسی کنید.",
  "error.internal": "خطای پیش‌بینی‌نشده‌ای رخ داد.",

  "sites.emptyTitle": "هنوز سایت پروژه‌ای ثبت نشده است",
  "sites.emptyBody":
    "فهرست سایت‌های پروژه — ایستگاه‌ها و تونل‌های خط ۲ مترو، کمربندی چهارم، پل‌ها و میدان‌ها — با قواعد بازدید، ساعت‌های بازدید، روزهای تعطیلی و عکس‌هایشان اینجا نگه‌داری می‌شود.",
  "programme.emptyTitle": "برنامهٔ ۸۰ روزه هنوز تنظیم نشده است",
  "programme.emptyBody":
    "تقویم برنامه اینجا ساخته می‌شود: روزهایی که تور دارند، ساعت‌های حرکت، تعطیلات رسمی و روزهایی که هر سایت بسته است.",
  "tours.emptyTitle": "هنوز توری ساخته نشده است",
  "tours.emptyBody":
    "هر تور یک حرکت در روزی معین است با اتوبوس، راهنما و فهرست مرتب توقف‌ها. تورها اینجا ساخته می‌شوند و زمان‌بندی‌شان بررسی می‌شود.",
  ...sitesFa,
  ...programmeFa,
  ...toursFa,
  ...groupsFa,
  ...dayFa,
  ...printFa,
  ...exchangeFa,
} satisfies Record<string, string>;

/** Every key of the catalogue. */
export type MessageKey = keyof typeof fa;

/** The shape every other catalogue must have: the same keys, string values. */
export type Catalogue = { readonly [K in MessageKey]: string };
