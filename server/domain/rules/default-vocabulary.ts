// Words the default rules look for, in English, German, French and Spanish. Matching folds case
// and accents ("réunion" is written "reunion") and a term matches at the start of a word
// ("strateg" finds "Strategy", "Strategieklausur", "stratégique"). Keep each list to one
// meaning: a word that belongs to two lists belongs to neither.

export const CANCELLED_PREFIX = '^(?:canceled|cancelled|abgesagt|annule|annulee|cancelado|cancelada|anulado|anulada)\\s*:';

export const OUT_OF_OFFICE = [
  'out of office', 'out-of-office', 'ooo', 'oof', 'vacation', 'holiday', 'annual leave', 'parental leave',
  'sick leave', 'on leave', 'pto', 'time off', 'day off', 'sick', 'public holiday', 'bank holiday',
  'urlaub', 'feiertag', 'abwesend', 'abwesenheit', 'krank', 'elternzeit', 'brückentag', 'gleittag',
  'conge', 'vacances', 'ferie', 'absent', 'absence', 'arret maladie', 'rtt',
  'fuera de la oficina', 'hors du bureau', 'ausser haus', 'nicht im buro',
  'vacaciones', 'festivo', 'ausente', 'ausencia', 'baja medica', 'dia libre', 'asuntos propios', 'puente',
];

export const PERSONAL = [
  'dentist', 'doctor', 'physio', 'gym', 'workout', 'yoga', 'school run', 'school pick', 'pick up kids',
  'kids', 'daycare', 'nursery', 'haircut', 'birthday', 'wedding', 'funeral', 'personal appointment',
  'private appointment', 'errand',
  'zahnarzt', 'arzt', 'arzttermin', 'physiotherapie', 'fitness', 'kita', 'kindergarten', 'friseur', 'geburtstag',
  'privattermin', 'kinder abholen', 'kinder zur schule', 'schulweg', 'elternabend',
  'reunion parents', 'parents-profs', 'medecin', 'dentiste', 'kine', 'creche', 'sortie d\'ecole', 'ecole', 'coiffeur', 'anniversaire', 'rdv perso',
  'rendez-vous perso', 'salle de sport',
  'medico', 'dentista', 'fisio', 'gimnasio', 'guarderia', 'colegio', 'recoger a los ninos', 'peluqueria',
  'cumpleanos', 'cita personal', 'cita medica', 'llevar a los ninos', 'al cole',
];

/** Entries that begin with one of these words are personal ("Personal: bank", "Privat"). */
export const PERSONAL_PREFIX =
  '^(?:personal|private|privat|perso|prive|privado|personnel|sport|piscine|natation|swimming|schwimmen|running|laufen|jogging|gym|gimnasio|fitness)\\b';

export const MEALS = [
  'lunch', 'dinner', 'breakfast', 'mittag', 'mittagessen', 'mittagspause', 'abendessen', 'fruhstuck',
  'dejeuner', 'pause dejeuner', 'diner', 'petit-dejeuner', 'almuerzo', 'comida', 'cena', 'desayuno',
];

/** Travel blocks: entries that start with a travel word, or name a place of travel. */
export const TRAVEL_PREFIX =
  '^(?:flight|flug|vol|vuelo|travel|travelling|traveling|train|zug|tren|drive|driving|commute|taxi|uber|' +
  'reise|anreise|abreise|ruckreise|heimreise|hinreise|fahrt|voyage|trajet|deplacement|viaje|traslado|desplazamiento|' +
  'layover|ave|ice|tgv|eurostar)\\b';
export const TRAVEL = ['bahnfahrt', 'zugfahrt', 'autofahrt', 'heimfahrt', 'airport', 'flughafen', 'aeroport', 'aeropuerto', 'commute', 'pendeln', 'travel time', 'reisezeit', 'temps de trajet', 'tiempo de viaje'];

/** Location markers, not time spent: Google's working location, "WFH". */
export const WORKING_LOCATION = [
  'working from home', 'work from home', 'wfh', 'home office', 'homeoffice', 'mobiles arbeiten', 'mobile arbeit',
  'teletravail', 'teletrabajo', 'working location', 'office day', 'in the office', 'in office',
];

/** Words that make an all-day entry real work even when it is marked free (Google and Outlook
 * create all-day entries as free by default). */
export const WORK_DAY = [
  'planning', 'planung', 'planification', 'planificacion', 'offsite', 'off-site', 'klausur', 'retreat', 'seminaire',
  'seminar', 'strateg', 'estrateg', 'workshop', 'atelier', 'taller', 'training', 'schulung', 'formation', 'formacion',
  'conference', 'konferenz', 'congres', 'congreso', 'summit', 'talent', 'succession', 'nachfolge', 'calibration',
  'kalibrierung', 'onboarding', 'bootcamp', 'hackathon', 'leadership', 'fuhrung', 'direction', 'liderazgo',
];

// Explicit calendar categories (TAXONOMY.md: "Counting time"): the id or label of a category.
export const CATEGORY_LABELS = {
  operational: ['operational', 'operations', 'operativ', 'operationnel', 'operativo', 'operacional'],
  strategic: ['strategic', 'strategy', 'strategisch', 'strategie', 'strategique', 'estrategico', 'estrategica', 'estrategia'],
  developmental: ['developmental', 'entwicklung', 'developpement', 'desarrollo', 'leadership development', 'people development'],
  'cross-functional': ['cross-functional', 'cross functional', 'crossfunctional', 'bereichsubergreifend', 'transversal', 'transverse', 'interfuncional', 'multifuncional'],
  'organisational-planning': [
    'organisational-planning', 'organisational planning', 'organizational planning', 'organizational-planning',
    'org planning', 'organisationsplanung', 'organisation planning', 'planification organisationnelle',
    'planificacion organizativa', 'planificacion organizacional',
  ],
} as const;

/**
 * Words that put a title in a working context: "Travel policy review", "Holiday cover
 * planning", "Krankenhausleitung", "Sport sponsorship committee" are work, whatever else they say.
 */
export const WORK_CONTEXT = [
  'review', 'policy', 'kpi', 'committee', 'planning', 'planung', 'planification', 'planificacion', 'strateg', 'estrateg',
  'leitung', 'revue', 'revision', 'status', 'process', 'prozess', 'processus', 'proceso', 'programme', 'program',
  'project', 'projekt', 'projet', 'proyecto', 'incident', 'sponsor', 'budget', 'report', 'bericht', 'rapport', 'informe',
  'meeting', 'workshop', 'atelier', 'taller', 'training', 'trainer', 'coaching', 'cover', 'management', 'absenteeism',
  'absenteisme', 'absentismo', 'rollout', 'ops', 'customer', 'client', 'kunde', 'cliente', 'prep', 'board', 'order',
  'post-mortem', 'postmortem', 'safety', 'seguridad', 'securite', 'sicherheit', 'ausbau', 'arbitrage', 'freigabe', 'approval',
];

/** Building the unit's future: talent, succession, capability, organisation design. */
export const UNIT_FUTURE = [
  'talent', 'succession', 'successor', 'calibration', 'calibrate', '9-box', 'nine box', 'ninebox', 'people review',
  'org design', 'organisation design', 'organization design', 'organisational design', 'organizational design',
  'org chart', 'org structure', 'reorg', 'restructur', 'headcount', 'workforce', 'capability', 'capabilities',
  'skill gap', 'skills gap', 'skills matrix', 'skill matrix', 'competency', 'competencies', 'learning needs',
  'training needs', 'people plan', 'nomination', 'nominations', 'rotation programme', 'rotation program',
  'spans and layers', 'span & layers', 'spans & layers', 'hiring plan', 'recruiting plan', 'recruitment plan',
  'target organisation', 'target organization', 'target operating model', 'high potential', 'hipo', 'promotion committee', 'promotion round',
  'promotion panel', 'job rotation', 'bench strength', 'span of control', 'role design', 'job architecture',
  'nachfolge', 'kalibrierung', 'organigramm', 'umstruktur', 'reorganisation', 'personalplanung', 'stellenplan',
  'kompetenz', 'skillmatrix', 'qualifikationsbedarf', 'weiterbildungsbedarf', 'potenzialtrager',
  'beforderungsrunde', 'nominierung', 'rotationsprogramm', 'personalbedarf', 'einstellungsplan',
  'personalentwicklungskonferenz', 'personalentwicklungsplanung', 'qualifikationsmatrix', 'zielorganisation',
  'personalentwicklungsplan', 'organisationsentwicklung', 'organisationsdesign',
  'revue des talents', 'revue du personnel', 'succession', 'releve', 'calibrage', 'organigramme',
  'gpec', 'plan de formation', 'besoins de formation', 'referentiel de competences', 'cartographie des competences',
  'hauts potentiels', 'comite carrieres', 'programme de rotation', 'plan de recrutement', 'organisation cible',
  'plan de competences', 'plan de capacites', 'competences', 'planification des recrutements', 'effectifs', 'conception organisationnelle',
  'revision de talento', 'talento', 'sucesion', 'calibracion', 'organigrama', 'reorganizacion', 'dimensionamiento de plantilla',
  'dotacion', 'mapa de talento', 'necesidades de formacion', 'modelo de competencias', 'altos potenciales',
  'diseno organizativo', 'diseno organizacional',
  'nominaciones', 'programa de rotacion', 'plan de contratacion', 'organizacion objetivo', 'plan de capacidades',
  'matriz de competencias', 'competencias', 'capacidades', 'amplitud de control', 'planificacion de contrataciones', 'alto potencial', 'plan de plantilla', 'planificacion de plantilla',
];

/** A planning day or block named as such: the protected planning time the flag looks for. */
export const PLANNING_DAY = [
  'planning day', 'planning-day', 'planning days', 'planning offsite', 'org planning', 'unit planning',
  'organisational planning', 'organizational planning', 'quarterly planning', 'annual planning',
  'planungstag', 'planungsklausur', 'bereichsplanung', 'quartalsplanung', 'jahresplanung',
  'journee de planification', 'jour de planification', 'planification trimestrielle', 'planification annuelle',
  'dia de planificacion', 'jornada de planificacion', 'planificacion trimestral', 'planificacion anual',
  'organisationsplanung', 'planification organisation', 'planif trimestrielle', 'journee planif', 'planificacion organizativa',
];
/** A title that is nothing but "planning" (with a quarter, or "block"/"protected"). */
export const PLANNING_ONLY =
  '^(?:(?:q[1-4]|h[12]|quarterly|annual|quartals|jahres)\\s*)?(?:planning|planung|planification|planificacion)' +
  // French and Spanish quarters are T1..T4 (trimestre); "blocked"/"reserved" in four languages.
  '(?:\\s*[-:(]?\\s*(?:block|time|session|hold|day|protected|geschutzt|geblockt|protege|protegido|bloque|reserve|reservado|q[1-4]|t[1-4]|h[12])\\)?)*\\s*$';

/** Setting direction and translating strategy into priorities. */
export const DIRECTION = [
  'strateg', 'estrateg', 'offsite', 'off-site', 'klausur', 'retreat', 'okr', 'objectives and key results',
  'vision', 'mission', 'north star', 'priorities', 'prioritization', 'prioritisation', 'priority setting',
  'portfolio review', 'portfolio-review', 'board prep', 'board preparation', 'board meeting', 'board deck',
  'board pack', 'long-term', 'long term', 'big picture', 'thinking time', 'think time', 'think tank',
  'business plan', 'target picture', 'investment thesis', 'goals', 'goal setting', 'goal-setting', 'big bets',
  'think week', 'product direction', 'strategic direction', 'set direction', 'setting direction', 'direction setting',
  'direction session', 'portfolio',
  'priorisierung', 'prioritaten', 'zielbild', 'leitbild', 'langfrist', 'aufsichtsrat', 'vorstandsvorlage',
  'ausrichtung', 'board-vorbereitung', 'vorstandsvorbereitung', 'jahresziele', 'bereichsziele', 'zielsetzung', 'zukunftsbild',
  'priorites', 'priorisation', 'revue de portefeuille', 'conseil d\'administration', 'feuille de route strategique',
  'objectifs', 'fixation des objectifs', 'portefeuille', 'cadrage', 'seminaire de direction', 'long terme',
  'prioridades', 'priorizacion', 'revision de cartera', 'consejo de administracion', 'vision a largo plazo',
  'largo plazo', 'objetivos', 'definicion de objetivos', 'portafolio', 'cartera',
];

/** Tracking progress against goals: a status update, not setting the goals. */
export const PROGRESS_WORDS = [
  'check-in', 'check in', 'checkin', 'status', 'update', 'tracking', 'progress', 'seguimiento', 'suivi',
  'avancement', 'fortschritt', 'stand', 'pulse', 'scorecard',
];
export const GOAL_WORDS = ['okr', 'kpi', 'goal', 'goals', 'objective', 'ziel', 'objectif', 'objetivo', 'metas'];

/** Developing a person: coaching, feedback, career, learning. */
export const DEVELOPMENT = [
  'coaching', 'coach', 'mentor', 'mentee', 'mentoring', 'feedback', 'career', 'development conversation',
  'development plan', 'growth conversation', 'idp', 'pdp', 'skip-level', 'skip level', 'skiplevel',
  'training', 'course', 'seminar', 'webinar', 'conference', 'summit', 'masterclass', 'bootcamp', 'learning',
  'leadership programme', 'leadership program', 'leadership academy', 'leadership development', 'lunch & learn',
  'lunch and learn', 'shadowing', 'reverse mentoring', 'performance conversation', 'appraisal', 'performance review',
  'mid-year review', 'midyear review', 'year-end review', 'stay interview', 'promotion readiness',
  'performance improvement', '360 feedback', 'feedback 360', 'reading', 'book club', 'new manager', 'leadership module', 'next role', 'career path',
  'n-2', 'n+2',
  'karriere', 'entwicklungsgesprach', 'mitarbeitergesprach', 'jahresgesprach', 'zielvereinbarung',
  'fuhrungskraftetraining', 'fuhrungskrafteentwicklung', 'schulung', 'weiterbildung', 'fortbildung', 'kurs',
  'konferenz', 'tagung', 'lernen', 'perspektivgesprach', 'entwicklungsperspektive', 'halbjahresgesprach', 'neue fuhrungskraft', 'fuhrungsprogramm',
  'fuhrungskrafteprogramm', 'lesen', 'hospitation', 'kollegiale fallberatung', 'supervision',
  'carriere', 'entretien annuel', 'entretien professionnel', 'entretien individuel', 'formation', 'cours',
  'accompagnement', 'nouveau manager', 'programme de leadership', 'entretien de mi-annee', 'lecture',
  'co-developpement', 'codeveloppement', 'retour d\'experience individuel',
  'carrera', 'conversacion de desarrollo', 'evaluacion de desempeno', 'plan de desarrollo', 'formacion',
  'capacitacion', 'devolucion', 'curso', 'programa de liderazgo', 'nuevo responsable', 'nuevo manager', 'lectura',
  'congreso', 'conferencia', 'tutoria', 'acompanamiento', 'retroalimentacion',
];
export const ONBOARDING = ['onboarding', 'einarbeitung', 'incorporacion', 'accueil'];
/** Words that turn "feedback" or "onboarding" into the business's customers, not a person's growth. */
export const CUSTOMER_SIDE = [
  'customer', 'client', 'kunde', 'kunden', 'cliente', 'user', 'nutzer', 'utilisateur', 'usuario', 'vendor',
  'supplier', 'partner', 'lieferant', 'fournisseur', 'proveedor', 'product', 'produkt', 'produit', 'producto',
  'system', 'tool', 'platform',
];

/** 1:1s, in the ways calendars write them. */
export const ONE_ON_ONE =
  '(?:^|[^a-z0-9\\u00c0-\\uffff])(?:1\\s*[:/x-]\\s*1|1on1|one[ -]on[ -]one|one[ -]to[ -]one|1[ -]to[ -]1|121|o3|' +
  'jour fixe|jourfixe|einzelgesprach|tete-a-tete|tete a tete|point individuel|bilaterale|bilat|' +
  'uno a uno|1a1|reunion individual|one-on-one)(?:$|[^a-z0-9\\u00c0-\\uffff])';

/** Cross-unit governance bodies (TAXONOMY.md lens 4). */
export const GOVERNANCE = [
  'steering', 'steerco', 'steer co', 'council', 'committee', 'works council', 'forum', 'governance',
  'architecture board', 'review board', 'advisory board', 'sounding board',
  'lenkungsausschuss', 'lenkungskreis', 'steuerkreis', 'steuerungskreis', 'betriebsrat', 'ausschuss', 'gremium',
  'gesamtbetriebsrat', 'sprecherausschuss',
  'comite de pilotage', 'copil', 'comite', 'cse', 'conseil',
  'comite de direccion', 'comite de empresa', 'comision', 'consejo', 'mesa de',
];

/** Working across units: peers, stakeholders, partners, alignment and dependencies. */
export const ACROSS_UNITS = [
  'cross-functional', 'cross functional', 'crossfunctional', 'cross-team', 'cross team', 'cross-unit',
  'cross-department', 'interdepartmental', 'inter-department', 'dependency', 'dependencies', 'interlock',
  'interface', 'handoff', 'hand-off', 'joint', 'partnership', 'value chain', 'value-chain', 'stakeholder',
  'peers', 'peer group', 'peer sync', 'peer meeting', 'x-team', 'xfn',
  'bereichsubergreifend', 'abteilungsubergreifend', 'schnittstelle', 'abhangigkeit', 'gemeinsam', 'wertschopfungskette',
  'interservices', 'inter-services', 'initiative commune', 'projet commun', 'transverse', 'transversal', 'dependance', 'conjoint', 'parties prenantes',
  'chaine de valeur', 'interdepartamental', 'interservicios', 'dependencia', 'conjunto', 'conjunta',
  'partes interesadas', 'cadena de valor',
];

/** The leader's own suppliers and customers: running today's business (lens 5), even when
 * every attendee is from outside. */
export const SUPPLIERS_AND_CUSTOMERS = [
  'vendor', 'supplier', 'contractor', 'agency', 'procurement', 'rfp', 'tender', 'customer call', 'customer meeting',
  'delivery call', 'delivery review', 'customer visit', 'customer escalation', 'customer qbr', 'customer onboarding', 'client onboarding', 'onboarding client',
  'kundenonboarding', 'onboarding de cliente', 'kundeneskalation', 'escalade client', 'escalado cliente',
  'client call', 'client meeting', 'client visit', 'qbr with',
  'lieferant', 'dienstleister', 'agentur', 'auftraggeber', 'ausschreibung', 'kundentermin', 'kundengesprach',
  'kundenbesuch', 'fournisseur', 'prestataire', 'agence', 'appel d\'offres', 'rendez-vous client', 'visite client',
  'proveedor', 'contratista', 'agencia', 'licitacion', 'reunion con cliente', 'visita a cliente', 'visita cliente',
];

/** Calendar categories that mark the unit's own customers and suppliers. */
export const CUSTOMER_CATEGORIES = ['customer', 'client', 'kunde', 'kunden', 'cliente', 'vendor', 'supplier', 'lieferant', 'fournisseur', 'proveedor'];

/** Words that mean alignment or coordination: cross-functional only when other units are there. */
export const ALIGNMENT = ['alignment', 'align', 'abstimmung', 'alignement', 'alineacion', 'coordinacion', 'coordination', 'sync'];

/** Running today's business. */
export const RUN_THE_BUSINESS = [
  'status', 'update', 'stand-up', 'standup', 'stand up', 'daily', 'review', 'incident', 'outage', 'postmortem',
  'post-mortem', 'escalation', 'escalate', 'approval', 'approve', 'sign-off', 'signoff', 'budget', 'forecast',
  'expenses', 'invoice', 'admin', 'inbox', 'email', 'e-mail', 'mails', 'ops', 'operations', 'operating review',
  'business review', 'mbr', 'qbr', 'wbr', 'kpi', 'metrics', 'dashboard', 'reporting', 'report', 'project',
  'sprint', 'release', 'deploy', 'go-live', 'golive', 'rollout', 'cutover', 'migration', 'audit', 'compliance',
  'team meeting', 'team call', 'staff meeting', 'staff', 'all hands', 'all-hands', 'townhall', 'town hall',
  'leadership team', 'management team', 'lt meeting', 'mt meeting', 'team weekly', 'weekly team', 'backlog',
  'capacity', 'staffing', 'roster', 'schedule', 'handover', 'shift', 'production', 'quality', 'safety',
  'decision needed', 'purchase order', 'where are we', 'operational', 'operativ', 'wie steht', 'bestellfreigabe',
  'customer', 'vendor', 'supplier', 'delivery', 'contract', 'pricing', 'sales pipeline', 'pipeline review',
  'interview', 'hiring', 'recruiting', 'demo', 'troubleshoot', 'bug', 'triage', 'war room', 'hotfix', 'sev1',
  'sev-1', 'sev 1', 'sev2', 'sev-2', 'sev 2', 'bridge', 'major incident', 'on-call', 'on call',
  'statusmeeting', 'statusrunde', 'teammeeting', 'teamrunde', 'abteilungsrunde', 'abteilungsmeeting', 'bereichsrunde',
  'eskalation', 'freigabe', 'genehmigung', 'hochrechnung', 'spesen', 'rechnung', 'posteingang', 'projekt',
  'lieferant', 'kunde', 'vertrag', 'bericht', 'berichtswesen', 'controlling', 'monatsabschluss', 'qualitat',
  'storung', 'postfach', 'besprechung', 'dienstbesprechung', 'wochenmeeting', 'montagsrunde', 'vorstellungsgesprach',
  'revue', 'operationnel', 'ou en est', 'statut', 'bon de commande', 'bons de commande', 'signature', 'courriel',
  'boite mail', 'point hebdo', 'point mensuel', 'point d\'avancement', 'point equipe', 'point d\'equipe', 'reunion d\'equipe',
  'reunion hebdo', 'suivi', 'avancement', 'escalade', 'validation', 'prevision', 'notes de frais', 'facture',
  'projet', 'fournisseur', 'livraison', 'tableau de bord', 'rapport', 'cloture', 'comite de suivi', 'codir',
  'entretien d\'embauche', 'recrutement', 'incident',
  'revision', 'operativo', 'operativa', 'como va', 'correo', 'bandeja de entrada', 'orden de compra', 'ordenes de compra', 'reunion de equipo', 'reunion semanal', 'reunion de seguimiento', 'seguimiento', 'estado', 'incidencia',
  'escalado', 'aprobacion', 'presupuesto', 'prevision', 'gastos', 'factura', 'proyecto', 'proveedor',
  'informe', 'cuadro de mando', 'cierre', 'comite de seguimiento', 'entrevista', 'contratacion',
];
