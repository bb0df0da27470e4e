import {
  Briefcase, Building, Calendar, Factory, FileText, Flag, Folder, Globe, GraduationCap, Handshake, Heart, House, Landmark, Lightbulb,
  Mail, Package, Phone, Receipt, Rocket, ShoppingCart, Star, Store, Tag, Target, Trophy, Truck, User, Users, Wrench, type LucideIcon,
} from 'lucide-react';
import { t } from '../../i18n';
import { folderIconName, type FolderIconName } from '../../storage/model/folderIcons';
import { Svg } from './icons';

/** The folder icon set (storage/model/folderIcons.ts names it): the picker offers every one. */
const FOLDER_SVG: Record<FolderIconName, LucideIcon> = {
  folder: Folder, user: User, users: Users, building: Building, briefcase: Briefcase, handshake: Handshake, store: Store,
  factory: Factory, landmark: Landmark, target: Target, trophy: Trophy, rocket: Rocket, star: Star, heart: Heart, flag: Flag,
  tag: Tag, package: Package, truck: Truck, 'shopping-cart': ShoppingCart, receipt: Receipt, 'file-text': FileText,
  calendar: Calendar, phone: Phone, mail: Mail, globe: Globe, house: House, 'graduation-cap': GraduationCap,
  lightbulb: Lightbulb, wrench: Wrench,
};

/** What the picker reads out for an icon, in the user's language. */
export const folderIconLabel = (name: FolderIconName): string => t(`icons.folder.${name}`);

/** A folder's icon from what is stored: a name, or an emoji an older version stored (drawn by its replacement). */
export function FolderIcon({ icon, size, className }: { icon: string; size?: number; className?: string }) {
  return <Svg of={FOLDER_SVG[folderIconName(icon)]} size={size} className={className} />;
}
