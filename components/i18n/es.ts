import type { CoreKey, MessageKey } from './en';
import { es as views } from './views/es';
import { es as data } from './data/es';
import { es as sync } from './sync/es';
import { es as reports } from './reports/es';


const core: Record<CoreKey, string> = {
  'common.save': 'Guardar',
  'common.cancel': 'Cancelar',
  'common.loading': 'Cargando…',
  'common.notSaved': 'No se guardó:',
  'common.showMore': 'Ver más',
  'common.untitled': '(sin título)',
  'common.noSubject': '(sin asunto)',
  'common.separateWithCommas': 'separa varios con comas',

  'crm.folders': 'Carpetas',
  'crm.new': 'Nuevo: {item}',
  'crm.create': 'Crear {item}',
  'crm.editRecord': 'Editar {title}',
  'crm.empty': 'Aún no hay {folder}.',

  'errors.quota': 'El navegador no tiene espacio para los datos de Threadline. Libera espacio en disco o borra datos de otros sitios y vuelve a intentarlo. No se guardó nada.',

  'sidebar.waiting': 'Abre un hilo para ver sus personas, oportunidades e historial.',
  'sidebar.closed': 'No hay ningún hilo abierto.',
  'sidebar.unreadable': 'Threadline no pudo leer este hilo.',
  'sidebar.unreadableHelp': 'No se guardó nada. Puede que Gmail haya cambiado su página; recarga Gmail y vuelve a intentarlo.',
  'sidebar.details': 'Detalles',
  'sidebar.deals': 'Oportunidades',
  'sidebar.people': 'Personas',
  'sidebar.history': 'Historial',
  'sidebar.onlyTeam': 'En este hilo solo estáis tú y tu equipo.',
  'sidebar.logEmail': 'Registrar correo',
  'sidebar.logNew': 'Registrar {count} mensajes nuevos',
  'sidebar.logNewOne': 'Registrar 1 mensaje nuevo',
  'sidebar.logged': '✓ Correo registrado',
  'sidebar.loggedCount': '{logged} de {total} mensajes registrados',
  'sidebar.loggedCountOne': '{logged} de 1 mensaje registrado',
  'sidebar.notLogged': 'Aún no registrado',
  'sidebar.addContactToLog': 'Añade un contacto para registrar este correo',
  'sidebar.nobodyToLog': 'Primero añade un contacto: no hay nadie en este hilo con quien registrarlo.',
  'sidebar.addContactForm': 'Añadir {email} como contacto',
  'sidebar.firstName': 'Nombre',
  'sidebar.lastName': 'Apellidos',
  'sidebar.company': 'Empresa: {company}',
  'sidebar.newCompany': '{name} (nueva, {domain})',
  'sidebar.addContact': 'Añadir contacto',
  'sidebar.contact': 'Contacto {name}',
  'sidebar.deal': 'Oportunidad {name}',
  'sidebar.stage': 'Etapa',
  'sidebar.unlink': 'Desvincular hilo',
  'sidebar.link': 'Vincular el hilo a esta oportunidad',
  'sidebar.newDeal': 'Nueva oportunidad desde este hilo',
  'sidebar.newDealName': 'Nueva oportunidad',
  'sidebar.composer': 'Añadir una nota o tarea',
  'sidebar.kind': 'Tipo',
  'sidebar.note': 'Nota',
  'sidebar.task': 'Tarea',
  'sidebar.notePlaceholder': 'Escribe una nota…',
  'sidebar.taskPlaceholder': '¿Qué hay que hacer?',
  'sidebar.due': 'Vence',
  'sidebar.addNote': 'Añadir nota',
  'sidebar.addTask': 'Añadir tarea',

  'timeline.label': 'Historial',
  'timeline.loading': 'Cargando historial…',
  'timeline.empty': 'Aún no hay historial.',
  'timeline.emailFrom': 'Correo de {who}: {subject}',
  'timeline.emailTo': 'Correo a {who}: {subject}',
  'timeline.note': 'Nota',
  'timeline.call': 'Llamada ({outcome})',
  'timeline.meeting': 'Reunión: {title}',
  'timeline.stage': 'Etapa: {from} → {to}',
  'timeline.due': 'vence el {date}',
};

export const es: Record<MessageKey, string> = { ...core, ...views, ...data, ...sync, ...reports };
