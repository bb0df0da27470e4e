import { PRESET_LABELS, PRESET_LOCALES } from '../folders/presetLabels';
import { foldHeader } from './cells';

/**
 * The headers other tools and people write for each preset field, by the preset's fixed field id.
 * Besides the presets' own labels in every language (taken from presetLabels), these are the
 * export headers of Google Contacts, Outlook, HubSpot, Pipedrive, Salesforce and the usual
 * Excel templates, and what Spanish and Italian teams call the column. Matching folds case,
 * accents, spaces and punctuation (foldHeader), so "E-mail 1 - Value" is written once.
 * Order matters only between fields: a header is given to the first field that names it.
 */
const EXTRA: Record<string, readonly string[]> = {
  // Contacts
  fc_firstName: [
    'First Name', 'Given Name', 'Forename', 'Name', 'Contact first name', 'Vorname',
    'Nombre', 'Nombre de pila', 'Nome', 'Nome di battesimo',
  ],
  fc_lastName: [
    'Last Name', 'Surname', 'Family Name', 'Contact last name',
    'Apellido', 'Apellidos', 'Primer apellido', 'Cognome',
  ],
  fc_emails: [
    'Email', 'E-mail', 'Email Address', 'E-mail Address', 'Email 1', 'E-mail 1 - Value', 'Email 1 - Value',
    'Primary Email', 'Work Email', 'Business Email', 'Email address (primary)', 'Mail',
    'Correo', 'Correo electrónico', 'Correo electronico', 'Dirección de correo', 'Dirección de correo electrónico', 'Email de contacto',
    'Posta elettronica', 'Indirizzo email', 'Indirizzo e-mail', 'Indirizzo di posta elettronica', 'Mail aziendale',
  ],
  fc_phones: [
    'Phone', 'Phone Number', 'Phone 1 - Value', 'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Cell', 'Cell Phone',
    'Business Phone', 'Work Phone', 'Primary Phone', 'Telephone', 'Tel',
    'Teléfono', 'Teléfono móvil', 'Móvil', 'Celular', 'Teléfono de contacto', 'Teléfono fijo', 'Tfno',
    'Telefono', 'Cellulare', 'Numero di telefono', 'Telefono cellulare', 'Recapito telefonico',
  ],
  fc_company: [
    'Company', 'Company Name', 'Organization', 'Organisation', 'Organization 1 - Name', 'Organization Name', 'Account Name', 'Account', 'Employer',
    'Empresa', 'Compañía', 'Razón social', 'Nombre de la empresa', 'Organización',
    'Azienda', 'Società', 'Ragione sociale', 'Nome azienda', 'Ditta', 'Organizzazione',
  ],
  fc_position: [
    'Job Title', 'Title', 'Position', 'Role', 'Job', 'Organization 1 - Title', 'Organization Title', 'Job Position', 'Designation',
    'Cargo', 'Puesto', 'Puesto de trabajo', 'Función', 'Rol',
    'Ruolo', 'Qualifica', 'Mansione', 'Posizione', 'Incarico', 'Titolo',
  ],
  fc_socials: ['Social profiles', 'LinkedIn', 'LinkedIn URL', 'Perfiles sociales', 'Profili social'],
  fc_birthday: ['Birthday', 'Birthdate', 'Date of Birth', 'DOB', 'Fecha de nacimiento', 'Cumpleaños', 'Data di nascita', 'Compleanno'],
  fc_lifecycleStage: ['Lifecycle Stage', 'Lifecycle', 'Ciclo de vida', 'Etapa del ciclo de vida', 'Fase del ciclo di vita', 'Ciclo di vita'],
  fc_leadStatus: ['Lead Status', 'Status', 'Estado', 'Estado del lead', 'Estado del cliente potencial', 'Stato', 'Stato del lead', 'Stato lead'],
  fc_source: ['Source', 'Lead Source', 'Original Source', 'Origin', 'Fuente', 'Origen', 'Origen del lead', 'Fonte', 'Origine', 'Provenienza'],
  fc_campaign: ['Campaign', 'Campaign Name', 'Campaña', 'Campagna'],
  fc_owner: ['Owner', 'Contact owner', 'Lead Owner', 'Account Owner', 'Assigned to', 'Propietario', 'Responsable', 'Comercial', 'Proprietario', 'Responsabile', 'Commerciale', 'Assegnato a'],
  // Companies
  fo_name: [
    'Name', 'Company', 'Company Name', 'Account Name', 'Organization', 'Organization Name', 'Organisation',
    'Nombre', 'Empresa', 'Nombre de la empresa', 'Razón social', 'Compañía',
    'Nome', 'Azienda', 'Nome azienda', 'Ragione sociale', 'Società', 'Denominazione',
  ],
  fo_domain: ['Domain', 'Company Domain Name', 'Website', 'Web', 'Website URL', 'Sitio web', 'Página web', 'Dominio', 'Sito web', 'Sito'],
  fo_industry: ['Industry', 'Sector', 'Sector de actividad', 'Actividad', 'Settore', 'Settore di attività', 'Industria'],
  fo_size: ['Size', 'Number of Employees', 'Employees', 'Company size', 'Tamaño', 'Empleados', 'Número de empleados', 'Dimensione', 'Dipendenti', 'Numero di dipendenti'],
  fo_phones: ['Phone', 'Phone Number', 'Company phone', 'Teléfono', 'Telefono', 'Numero di telefono'],
  fo_address: ['Address', 'Street Address', 'Billing Address', 'Dirección', 'Domicilio', 'Indirizzo', 'Sede'],
  fo_source: ['Source', 'Original Source', 'Fuente', 'Origen', 'Fonte', 'Origine'],
  fo_owner: ['Owner', 'Company owner', 'Account Owner', 'Propietario', 'Responsable', 'Proprietario', 'Responsabile'],
  // Deals
  fd_name: [
    'Name', 'Deal Name', 'Deal', 'Opportunity Name', 'Opportunity', 'Title', 'Deal title',
    'Nombre', 'Nombre del negocio', 'Negocio', 'Oportunidad', 'Nombre de la oportunidad', 'Título',
    'Nome', 'Trattativa', 'Nome trattativa', 'Opportunità', 'Titolo',
  ],
  fd_stage: ['Stage', 'Deal Stage', 'Pipeline stage', 'Etapa', 'Fase', 'Etapa del negocio', 'Fase della trattativa', 'Stadio'],
  fd_amount: ['Amount', 'Value', 'Deal value', 'Deal amount', 'Importe', 'Valor', 'Monto', 'Importo', 'Valore', 'Ammontare'],
  fd_probability: ['Probability', 'Probability (%)', 'Win probability', 'Probabilidad', 'Probabilità'],
  fd_priority: ['Priority', 'Prioridad', 'Priorità'],
  fd_mainContact: ['Main contact', 'Contact', 'Contact person', 'Primary contact', 'Contacto', 'Contacto principal', 'Persona de contacto', 'Contatto', 'Contatto principale', 'Referente'],
  fd_company: ['Company', 'Organization', 'Account Name', 'Empresa', 'Organización', 'Cliente', 'Azienda', 'Organizzazione', 'Ragione sociale'],
  fd_owner: ['Owner', 'Deal owner', 'Opportunity Owner', 'Propietario', 'Responsable', 'Proprietario', 'Responsabile'],
  fd_startDate: ['Start date', 'Create Date', 'Created', 'Fecha de inicio', 'Data di inizio', 'Data inizio'],
  fd_expectedClose: ['Expected close date', 'Close Date', 'Expected Close', 'Fecha de cierre', 'Fecha de cierre prevista', 'Data di chiusura', 'Data di chiusura prevista', 'Chiusura prevista'],
  fd_product: ['Product', 'Products', 'Producto', 'Productos', 'Prodotto', 'Prodotti'],
  fd_source: ['Source', 'Lead Source', 'Fuente', 'Origen', 'Fonte', 'Origine'],
  fd_campaign: ['Campaign', 'Campaña', 'Campagna'],
  fd_lostReason: ['Lost reason', 'Closed lost reason', 'Motivo de pérdida', 'Motivo di perdita', 'Motivo perdita'],
  // Products: what a price list or an ERP's article export calls its columns.
  fp_name: ['Name', 'Product', 'Product name', 'Item', 'Article', 'Nombre', 'Producto', 'Artículo', 'Descripción corta', 'Nome', 'Prodotto', 'Articolo', 'Nome prodotto'],
  fp_sku: ['SKU', 'Code', 'Product code', 'Item code', 'Reference', 'Ref', 'Código', 'Referencia', 'Ref.', 'Codice', 'Codice articolo', 'Riferimento'],
  fp_unitPrice: ['Price', 'Unit price', 'List price', 'Sale price', 'Precio', 'PVP', 'Precio de venta', 'Tarifa', 'Prezzo', 'Prezzo di listino', 'Listino'],
  fp_taxRate: ['Tax', 'Tax rate', 'VAT', 'VAT rate', 'IVA', 'Tipo de IVA', '% IVA', 'Aliquota IVA', 'Imposta'],
  fp_active: ['Active', 'Enabled', 'Available', 'Activo', 'Disponible', 'Attivo', 'Disponibile'],
  fp_description: ['Description', 'Details', 'Descripción', 'Detalles', 'Descrizione', 'Dettagli'],
};

const FOLDER_PREFIX = { contacts: 'fc', companies: 'fo', deals: 'fd', products: 'fp' } as const;

/** The presets' labels in every language, by field id ("fc_firstName" → First name, Nombre, Nome). */
function presetLabelNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const locale of PRESET_LOCALES) {
    for (const [folder, prefix] of Object.entries(FOLDER_PREFIX)) {
      const labels: Record<string, string> = PRESET_LABELS[locale].fields[folder as keyof typeof FOLDER_PREFIX];
      for (const [key, label] of Object.entries(labels)) {
        const id = `${prefix}_${key}`;
        out.set(id, [...(out.get(id) ?? []), label]);
      }
    }
  }
  return out;
}

/** Folded names per preset field id: its labels in every language first, then EXTRA. */
export const FIELD_SYNONYMS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const labels = presetLabelNames();
  const ids = new Set([...labels.keys(), ...Object.keys(EXTRA)]);
  return new Map([...ids].map((id) => [id, new Set([...(labels.get(id) ?? []), ...(EXTRA[id] ?? [])].map(foldHeader).filter(Boolean))]));
})();

/** The folded names a preset field is known by (none for a field the user added). */
export function synonymsOf(fieldId: string): ReadonlySet<string> {
  return FIELD_SYNONYMS.get(fieldId) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/**
 * Dropdown values other tools export for the preset options, beyond the presets' own labels in
 * every language: HubSpot's internal values ("salesqualifiedlead"), common English and the
 * words Spanish and Italian teams use. By option set, then option id.
 */
const OPTION_EXTRA: Record<string, Record<string, readonly string[]>> = {
  lifecycle: {
    subscriber: ['Subscriber', 'Suscriptor', 'Iscritto', 'Abbonato'],
    lead: ['Lead', 'Prospect', 'Cliente potencial', 'Potenziale cliente', 'Contatto'],
    qualifiedLead: ['MQL', 'SQL', 'Marketing qualified lead', 'Sales qualified lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'Lead cualificado', 'Lead qualificato'],
    opportunity: ['Opportunity', 'Oportunidad', 'Opportunità'],
    customer: ['Customer', 'Client', 'Cliente'],
    evangelist: ['Evangelist', 'Promoter', 'Promotor', 'Promotore', 'Sostenitore'],
  },
  leadStatus: {
    new: ['New', 'Nuevo', 'Nueva', 'Nuovo'],
    open: ['Open', 'Abierto', 'Aperto'],
    inProgress: ['In progress', 'Working', 'En curso', 'En proceso', 'In corso', 'In lavorazione'],
    openDeal: ['Open deal', 'Negocio abierto', 'Trattativa aperta'],
    unqualified: ['Unqualified', 'Disqualified', 'No cualificado', 'Descalificado', 'Non qualificato'],
  },
  source: {
    tradeFair: ['Trade show', 'Trade fair', 'Feria', 'Feria comercial', 'Fiera'],
    webForm: ['Web', 'Website', 'Web form', 'Formulario', 'Formulario web', 'Sitio web', 'Modulo web', 'Sito web'],
    referral: ['Referral', 'Word of mouth', 'Recomendación', 'Referido', 'Boca a boca', 'Passaparola', 'Segnalazione', 'Referenza'],
    coldOutreach: ['Cold call', 'Cold email', 'Outbound', 'Llamada en frío', 'Prospección', 'Chiamata a freddo', 'Contatto a freddo'],
    advertising: ['Ads', 'Paid', 'Advertisement', 'Publicidad', 'Anuncio', 'Pubblicità', 'Annuncio'],
    event: ['Event', 'Webinar', 'Evento', 'Eventi'],
    other: ['Other', 'Otro', 'Otros', 'Altro'],
  },
  industry: {
    software: ['Software', 'Technology', 'IT', 'Tecnología', 'Informática', 'Tecnologia', 'Informatica'],
    manufacturing: ['Manufacturing', 'Industry', 'Industria', 'Fabricación', 'Manifattura', 'Produzione'],
    retail: ['Retail', 'Comercio', 'Comercio minorista', 'Commercio', 'Commercio al dettaglio', 'Vendita al dettaglio'],
    finance: ['Finance', 'Banking', 'Finanzas', 'Banca', 'Finanza'],
    health: ['Health', 'Healthcare', 'Salud', 'Sanidad', 'Sanità', 'Salute'],
    education: ['Education', 'Educación', 'Formación', 'Istruzione', 'Formazione'],
    services: ['Services', 'Servicios', 'Servizi'],
    other: ['Other', 'Otro', 'Otros', 'Altro'],
  },
  priority: {
    low: ['Low', 'Baja', 'Bajo', 'Bassa', 'Basso'],
    medium: ['Medium', 'Normal', 'Media', 'Medio'],
    high: ['High', 'Urgent', 'Alta', 'Alto', 'Urgente'],
  },
  lostReason: {
    price: ['Price', 'Too expensive', 'Precio', 'Prezzo'],
    competitor: ['Competitor', 'Competencia', 'Concorrenza', 'Concorrente'],
    budget: ['Budget', 'No budget', 'Sin presupuesto', 'Presupuesto', 'Nessun budget', 'Budget insufficiente'],
    timing: ['Timing', 'Bad timing', 'Mal momento', 'Tempistica'],
    noResponse: ['No response', 'Sin respuesta', 'Nessuna risposta'],
    other: ['Other', 'Otro', 'Altro'],
  },
};

/** Which option set each preset dropdown field holds. */
const OPTION_SET_OF: Record<string, keyof typeof OPTION_EXTRA> = {
  fc_lifecycleStage: 'lifecycle',
  fc_leadStatus: 'leadStatus',
  fc_source: 'source',
  fo_source: 'source',
  fd_source: 'source',
  fo_industry: 'industry',
  fd_priority: 'priority',
  fd_lostReason: 'lostReason',
};

/** For each preset dropdown field: folded value → option id, from every language's labels and OPTION_EXTRA. */
const OPTION_SYNONYMS: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const out = new Map<string, Map<string, string>>();
  for (const [fieldId, set] of Object.entries(OPTION_SET_OF)) {
    const names = new Map<string, string>();
    const add = (optionId: string, label: string) => {
      const folded = foldHeader(label);
      if (folded && !names.has(folded)) names.set(folded, optionId);
    };
    for (const locale of PRESET_LOCALES) {
      const labels: Record<string, string> = (PRESET_LABELS[locale].options as Record<string, Record<string, string>>)[set] ?? {};
      for (const [optionId, label] of Object.entries(labels)) add(optionId, label);
    }
    for (const [optionId, labels] of Object.entries(OPTION_EXTRA[set] ?? {})) labels.forEach((l) => add(optionId, l));
    out.set(fieldId, names);
  }
  return out;
})();

/** The preset option a dropdown value names in any language, if the field is a preset one. */
export function presetOptionFor(fieldId: string, value: string): string | undefined {
  return OPTION_SYNONYMS.get(fieldId)?.get(foldHeader(value));
}
