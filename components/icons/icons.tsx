import {
  ArrowDown, ArrowLeft, ArrowRight, ArrowUp, CalendarDays, ChartColumn, Check, ChevronDown, ChevronUp, Copy, Kanban, List, Mail, MailPlus, Phone,
  Plus, Settings, SquareCheck, StickyNote, TriangleAlert, Upload, User, Users, X, Zap, type LucideIcon,
} from 'lucide-react';
import type { Activity } from '../../storage/model/entities';
import './icons.css';

/**
 * Threadline's icons by what they stand for, drawn as SVG from one maintained set (named imports,
 * so a page carries only the icons it uses). Never emoji: where the system has no emoji font (many
 * Linux desktops) every emoji draws as an empty box.
 */
const APP_ICONS = {
  tasks: SquareCheck,
  import: Upload,
  duplicates: Copy,
  reports: ChartColumn,
  automations: Zap,
  templates: MailPlus,
  workspace: Users,
  listView: List,
  boardView: Kanban,
  add: Plus,
  remove: X,
  moveUp: ArrowUp,
  moveDown: ArrowDown,
  back: ArrowLeft,
  sortAsc: ChevronUp,
  sortDesc: ChevronDown,
  warning: TriangleAlert,
  done: Check,
  owner: User,
  task: SquareCheck,
} satisfies Record<string, LucideIcon>;
export type IconName = keyof typeof APP_ICONS;

/** A history entry's icon by its kind. */
const ACTIVITY_ICONS: Record<Activity['kind'], LucideIcon> = {
  email: Mail, note: StickyNote, call: Phone, meeting: CalendarDays, task: SquareCheck, stageChange: ArrowRight, automation: Settings,
};

type SvgProps = { size?: number; className?: string };

/**
 * Drawn beside text that says the same, so hidden from assistive technology: an icon-only button
 * carries its own aria-label in the user's language.
 */
export function Svg({ of: Of, size = 16, className }: SvgProps & { of: LucideIcon }) {
  return <Of aria-hidden="true" focusable="false" size={size} strokeWidth={2} className={className ? `tl-icon ${className}` : 'tl-icon'} />;
}

export function Icon({ name, ...props }: SvgProps & { name: IconName }) {
  return <Svg of={APP_ICONS[name]} {...props} />;
}

export function ActivityIcon({ kind, ...props }: SvgProps & { kind: Activity['kind'] }) {
  return <Svg of={ACTIVITY_ICONS[kind]} {...props} />;
}
