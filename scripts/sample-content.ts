/**
 * The content of the sample analysis: the NAFIN risks, measures, incidents and exercises of 2025,
 * and what differed at the end of 2024. Drawn from the seeds: the Strategische Visie NAFIN and its
 * measures (M€ 3,0 a year for management, M€ 9,0 once for stock), the Kamerbrief on the
 * 27-28 August 2024 outage (13 hours against a 4-hour target) and its measures, and the threat
 * themes of the Aanpak vitaal. Contact persons are fictional.
 */
import type { Incident, Measure, Risk } from '../src/model.js';

export const CATEGORIES = {
  state: 'Statelijke actoren',
  crime: 'Cybercriminelen',
  economic: 'Strategische afhankelijkheden',
  climate: 'Klimaat en extreem weer',
  technical: 'Technisch falen',
  insider: 'Insiders',
  organisation: 'Organisatorische zwaktes',
} as const;

export const PARTNERS = {
  politie: 'Politie',
  kmar: 'Koninklijke Marechaussee',
  kustwacht: 'Kustwacht',
  meldkamers: 'meldkamers',
  datacenters: 'overheidsdatacenters',
  haagseRing: 'Haagse Ring',
  ron: 'Rijksoverheidnetwerk (RON)',
  eindhoven: 'Eindhoven Airport',
  kpn: 'KPN',
  nokia: 'Nokia',
  cisco: 'Cisco',
} as const;

export const OWNERS = [
  'JIVC',
  'DMO',
  'CIO Defensie',
  'CZSK',
  'Bureau Industrie Veiligheid',
  'Defensie Cyber Commando',
  'Directie Communicatie',
  'Beveiligingsautoriteit',
  'DCMC',
] as const;

/** Clearly fictional people. */
export const CONTACTS = [
  'J. Voorbeeld',
  'A. de Proef',
  'M. Fictief',
  'K. Testkamp',
  'L. Modelman',
  'P. Steekproef',
  'S. Verzonnen',
  'D. Denkbeeld',
  'N. Naamloos',
  'E. Oefenaar',
] as const;

const P = PARTNERS;
const C = CATEGORIES;
const users = [P.politie, P.kmar, P.kustwacht, P.meldkamers, P.eindhoven, P.haagseRing];

export const RISKS_2025: Risk[] = [
  {
    id: 'NAF-R-001', titel: 'Fout in tijdsynchronisatie laat routering wegvallen',
    omschrijving: 'Een softwarefout in de tijdsynchronisatie doet de routering in het hele netwerk wegvallen, zoals op 27-28 augustus 2024.',
    dreigingscategorie: C.technical, indicatoren: ['DIG', 'KET'], kans: 3, impact: 5, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld',
    rubricering: 'dep-v', ketenpartners: users, status: 'open', laatsteBeoordeling: '2025-09-15',
  },
  {
    id: 'NAF-R-002', titel: 'Softwarefout in kernrouters na update',
    omschrijving: 'Een update van de leverancier bevat een fout die kernrouters tegelijk laat herstarten.',
    dreigingscategorie: C.technical, indicatoren: ['DIG'], kans: 3, impact: 4, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp',
    rubricering: 'dep-v', ketenpartners: [P.nokia, P.cisco], status: 'open', laatsteBeoordeling: '2025-09-15',
  },
  {
    id: 'NAF-R-003', titel: 'Uitval centrale netwerkbeheersystemen',
    omschrijving: 'Zonder beheersystemen is het netwerk niet te monitoren en is herstel traag.',
    dreigingscategorie: C.technical, indicatoren: ['DIG', 'CRI'], kans: 2, impact: 4, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-05-20',
  },
  {
    id: 'NAF-R-004', titel: 'Apparatuur buiten ondersteuning van de leverancier',
    omschrijving: 'Verouderde componenten krijgen geen beveiligingsupdates en reserveonderdelen meer.',
    dreigingscategorie: C.technical, indicatoren: ['ECO', 'DIG'], kans: 3, impact: 3, eigenaar: 'DMO', contactpersoon: 'L. Modelman',
    rubricering: 'openbaar', ketenpartners: [P.cisco, P.nokia], status: 'open', laatsteBeoordeling: '2025-03-11',
  },
  {
    id: 'NAF-R-005', titel: 'Spionage op verbindingen door een statelijke actor',
    omschrijving: 'Een statelijke actor onderschept of analyseert verkeer op verbindingen van het netwerk.',
    dreigingscategorie: C.state, indicatoren: ['DIG'], kans: 3, impact: 5, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'stg-c', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-10-02',
  },
  {
    id: 'NAF-R-006', titel: 'Sabotage van glasvezeltracés en knooppunten',
    omschrijving: 'Gerichte fysieke sabotage van tracés of knooppunten, ook als onderdeel van hybride dreiging.',
    dreigingscategorie: C.state, indicatoren: ['FYS', 'KET'], kans: 3, impact: 5, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld',
    rubricering: 'stg-c', ketenpartners: [P.kpn, P.politie, P.meldkamers], status: 'open', laatsteBeoordeling: '2025-10-02',
  },
  {
    id: 'NAF-R-007', titel: 'Voorbereidingshandelingen voor digitale sabotage',
    omschrijving: 'Een statelijke actor verschaft zich toegang om later digitale sabotage te kunnen plegen.',
    dreigingscategorie: C.state, indicatoren: ['DIG'], kans: 2, impact: 5, eigenaar: 'Defensie Cyber Commando', contactpersoon: 'D. Denkbeeld',
    rubricering: 'stg-c', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-10-02',
  },
  {
    id: 'NAF-R-008', titel: 'Verstoring van verbindingen op de Noordzee',
    omschrijving: 'Schade aan kabels naar locaties op en aan de Noordzee raakt de verbindingen van de Kustwacht.',
    dreigingscategorie: C.state, indicatoren: ['FYS'], kans: 2, impact: 3, eigenaar: 'CZSK', contactpersoon: 'E. Oefenaar',
    rubricering: 'dep-v', ketenpartners: [P.kustwacht], status: 'geaccepteerd', laatsteBeoordeling: '2024-06-14',
    geaccepteerdDoor: 'Commandant Zeestrijdkrachten', geaccepteerdTot: '2025-06-30',
  },
  {
    id: 'NAF-R-009', titel: 'Ransomware bij een medegebruiker verspreidt zich via het koppelvlak',
    omschrijving: 'Cybercriminelen besmetten een aangesloten organisatie; de besmetting bereikt het netwerk.',
    dreigingscategorie: C.crime, indicatoren: ['DIG', 'KET'], kans: 3, impact: 4, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'dep-v', ketenpartners: [P.politie, P.datacenters, P.ron], status: 'open', laatsteBeoordeling: '2025-06-30',
  },
  {
    id: 'NAF-R-010', titel: 'DDoS-aanval op internetkoppelpunten',
    omschrijving: 'Overbelasting van de koppelpunten maakt diensten voor aangesloten organisaties onbereikbaar.',
    dreigingscategorie: C.crime, indicatoren: ['DIG'], kans: 4, impact: 2, eigenaar: 'Defensie Cyber Commando', contactpersoon: 'D. Denkbeeld',
    rubricering: 'openbaar', ketenpartners: [P.ron, P.haagseRing], status: 'open', laatsteBeoordeling: '2025-06-30',
  },
  {
    id: 'NAF-R-011', titel: 'Misbruik van gestolen beheeraccounts',
    omschrijving: 'Via phishing buitgemaakte inloggegevens geven toegang tot beheerinterfaces.',
    dreigingscategorie: C.crime, indicatoren: ['DIG'], kans: 3, impact: 4, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'dep-v', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-06-30',
  },
  {
    id: 'NAF-R-012', titel: 'Afhankelijkheid van enkele leveranciers voor kernapparatuur',
    omschrijving: 'Kernapparatuur komt van een klein aantal buitenlandse leveranciers zonder snelle alternatieven.',
    dreigingscategorie: C.economic, indicatoren: ['ECO', 'KET'], kans: 3, impact: 4, eigenaar: 'DMO', contactpersoon: 'L. Modelman',
    rubricering: 'dep-v', ketenpartners: [P.nokia, P.cisco], status: 'open', laatsteBeoordeling: '2025-04-08',
  },
  {
    id: 'NAF-R-013', titel: 'Leverbeperkingen van kernapparatuur en reserveonderdelen',
    omschrijving: 'Geopolitieke spanningen en schaarste verlengen levertijden; zonder voorraad duurt herstel lang.',
    dreigingscategorie: C.economic, indicatoren: ['ECO'], kans: 4, impact: 4, eigenaar: 'DMO', contactpersoon: 'L. Modelman',
    rubricering: 'openbaar', ketenpartners: [P.nokia, P.cisco], status: 'open', laatsteBeoordeling: '2025-04-08',
  },
  {
    id: 'NAF-R-014', titel: 'Ondersteuningscontracten niet ingericht op never out',
    omschrijving: 'Onderliggende contracten kennen responsetijden die niet passen bij de beschikbaarheidseisen.',
    dreigingscategorie: C.economic, indicatoren: ['ECO', 'KET'], kans: 3, impact: 3, eigenaar: 'Bureau Industrie Veiligheid', contactpersoon: 'P. Steekproef',
    rubricering: 'dep-v', ketenpartners: [P.kpn, P.nokia, P.cisco], status: 'open', laatsteBeoordeling: '2025-04-08',
  },
  {
    id: 'NAF-R-015', titel: 'Invloed van buitenlandse partijen via inkoop',
    omschrijving: 'Inkoop leidt tot strategische afhankelijkheden met ongewenste kennisoverdracht.',
    dreigingscategorie: C.economic, indicatoren: ['ECO'], kans: 2, impact: 4, eigenaar: 'Bureau Industrie Veiligheid', contactpersoon: 'P. Steekproef',
    rubricering: 'stg-c', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-11-04',
  },
  {
    id: 'NAF-R-016', titel: 'Afhankelijkheid van inhuur voor technisch beheer',
    omschrijving: 'Kennis van het netwerk zit bij ingehuurde krachten; vertrek maakt het beheer kwetsbaar.',
    dreigingscategorie: C.economic, indicatoren: ['ECO', 'CRI'], kans: 4, impact: 3, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-02-17',
  },
  {
    id: 'NAF-R-017', titel: 'Hitte en uitval van koeling in technische ruimtes',
    omschrijving: 'Hittegolven overbelasten de koeling; apparatuur schakelt zich uit.',
    dreigingscategorie: C.climate, indicatoren: ['FYS'], kans: 3, impact: 3, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-07-21',
  },
  {
    id: 'NAF-R-018', titel: 'Overstroming van laaggelegen knooppunten',
    omschrijving: 'Extreme neerslag of een dijkdoorbraak zet knooppunten onder water.',
    dreigingscategorie: C.climate, indicatoren: ['FYS'], kans: 1, impact: 5, eigenaar: 'DMO', contactpersoon: 'L. Modelman',
    rubricering: 'openbaar', ketenpartners: [], status: 'geaccepteerd', laatsteBeoordeling: '2024-10-02',
    geaccepteerdDoor: 'Directeur DMO', geaccepteerdTot: '2026-03-31',
  },
  {
    id: 'NAF-R-019', titel: 'Storm en blikseminslag op straalverbindingsmasten',
    omschrijving: 'Zware storm beschadigt masten en straalverbindingen.',
    dreigingscategorie: C.climate, indicatoren: ['FYS'], kans: 2, impact: 2, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen',
    rubricering: 'openbaar', ketenpartners: [], status: 'gesloten', laatsteBeoordeling: '2025-01-28',
  },
  {
    id: 'NAF-R-020', titel: 'Langdurige uitval van de elektriciteitsvoorziening',
    omschrijving: 'Extreem weer legt het stroomnet regionaal stil; noodstroom raakt op (cascade-effect).',
    dreigingscategorie: C.climate, indicatoren: ['FYS', 'KET'], kans: 2, impact: 5, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld',
    rubricering: 'dep-v', ketenpartners: [P.meldkamers, P.datacenters], status: 'open', laatsteBeoordeling: '2025-07-21',
  },
  {
    id: 'NAF-R-021', titel: 'Misbruik van beheerrechten door een insider',
    omschrijving: 'Een medewerker met beheerrechten schakelt bewust onderdelen van het netwerk uit of lekt configuraties.',
    dreigingscategorie: C.insider, indicatoren: ['DIG'], kans: 2, impact: 5, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos',
    rubricering: 'stg-c', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-08-12',
  },
  {
    id: 'NAF-R-022', titel: 'Ongeautoriseerde wijziging in technische ruimte van een medegebruiker',
    omschrijving: 'Personeel van een aangesloten organisatie wijzigt aansluitingen zonder toestemming.',
    dreigingscategorie: C.insider, indicatoren: ['FYS', 'KET'], kans: 2, impact: 4, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp',
    rubricering: 'dep-v', ketenpartners: [P.politie, P.meldkamers], status: 'open', laatsteBeoordeling: '2025-08-12',
  },
  {
    id: 'NAF-R-023', titel: 'Configuratiefout door een beheerder',
    omschrijving: 'Een onbedoelde fout bij een wijziging zonder vier-ogencontrole veroorzaakt uitval.',
    dreigingscategorie: C.insider, indicatoren: ['DIG'], kans: 3, impact: 3, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-08-12',
  },
  {
    id: 'NAF-R-024', titel: 'Late escalatie van de technische naar de bestuurlijke laag',
    omschrijving: 'Buiten kantoortijden duurt het lang voordat een storing bestuurlijk wordt opgeschaald.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI'], kans: 3, impact: 4, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-09-30',
  },
  {
    id: 'NAF-R-025', titel: 'IT- en cyberincidenten als aparte storingen behandeld',
    omschrijving: 'Gescheiden werkwijzen bemoeilijken het cyberonderzoek in de beginfase van een storing.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI', 'DIG'], kans: 2, impact: 3, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'openbaar', ketenpartners: [], status: 'gesloten', laatsteBeoordeling: '2025-09-30',
  },
  {
    id: 'NAF-R-026', titel: 'Gebrekkige crisiscommunicatie intern en naar medegebruikers',
    omschrijving: 'Onduidelijke richtlijnen en getroffen communicatielijnen vertragen de informatie aan partners.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI', 'KET'], kans: 3, impact: 4, eigenaar: 'Directie Communicatie', contactpersoon: 'A. de Proef',
    rubricering: 'openbaar', ketenpartners: users, status: 'open', laatsteBeoordeling: '2025-09-30',
  },
  {
    id: 'NAF-R-027', titel: 'Geen vastgestelde herstelprioriteiten voor systemen',
    omschrijving: 'Na grootschalige uitval is onduidelijk welke systemen eerst worden hersteld.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI'], kans: 3, impact: 4, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-09-30',
  },
  {
    id: 'NAF-R-028', titel: 'Maatschappelijke gevolgen van een storing onderschat',
    omschrijving: 'Een storing wordt als interne aangelegenheid behandeld; aangesloten partijen krijgen te weinig aandacht.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI', 'KET'], kans: 3, impact: 3, eigenaar: 'DCMC', contactpersoon: 'A. de Proef',
    rubricering: 'openbaar', ketenpartners: [P.politie, P.kmar, P.kustwacht, P.meldkamers], status: 'open', laatsteBeoordeling: '2025-09-30',
  },
  {
    id: 'NAF-R-029', titel: 'Aansluitvoorwaarden van medegebruikers verouderd en niet getoetst',
    omschrijving: 'Technische ruimtes en informatiebeveiliging bij aangesloten organisaties voldoen niet aantoonbaar.',
    dreigingscategorie: C.organisation, indicatoren: ['KET'], kans: 3, impact: 4, eigenaar: 'JIVC', contactpersoon: 'P. Steekproef',
    rubricering: 'dep-v', ketenpartners: [P.politie, P.kmar, P.kustwacht, P.meldkamers, P.datacenters, P.ron], status: 'open', laatsteBeoordeling: '2025-05-20',
  },
  {
    id: 'NAF-R-030', titel: 'Geen alternatief netwerk voor civiele gebruikers',
    omschrijving: 'Meldkamers, Haagse Ring en RON hebben bij uitval geen uitwijkmogelijkheid.',
    dreigingscategorie: C.economic, indicatoren: ['KET'], kans: 2, impact: 5, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'dep-v', ketenpartners: [P.meldkamers, P.haagseRing, P.ron], status: 'geaccepteerd', laatsteBeoordeling: '2025-05-20',
    geaccepteerdDoor: 'CIO Defensie', geaccepteerdTot: '2026-12-31',
  },
  {
    id: 'NAF-R-031', titel: 'Onvoldoende beheercapaciteit en onduidelijke mandaten',
    omschrijving: 'Het beheer mist capaciteit, solution architectuur en ketenregie met heldere bevoegdheden.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI', 'ECO'], kans: 3, impact: 3, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-02-17',
  },
  {
    id: 'NAF-R-032', titel: 'Reguliere communicatiemiddelen vallen weg tijdens een storing',
    omschrijving: 'Zonder netwerk zijn computers, printers en digitale instructies niet bruikbaar.',
    dreigingscategorie: C.technical, indicatoren: ['CRI', 'FYS'], kans: 3, impact: 3, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld',
    rubricering: 'openbaar', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-01-28',
  },
  {
    id: 'NAF-R-033', titel: 'Geen prioriteit in bandbreedte voor kritieke gebruikers',
    omschrijving: 'Bij congestie krijgt verkeer van vitale gebruikers geen voorrang.',
    dreigingscategorie: C.technical, indicatoren: ['KET', 'DIG'], kans: 2, impact: 3, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp',
    rubricering: 'dep-v', ketenpartners: [P.politie, P.meldkamers], status: 'open', laatsteBeoordeling: '2025-11-18',
  },
  {
    id: 'NAF-R-034', titel: 'Storing in onderliggende transmissie van een leverancier',
    omschrijving: 'Uitval bij de leverancier van glasvezeltransmissie raakt meerdere tracés tegelijk.',
    dreigingscategorie: C.economic, indicatoren: ['KET'], kans: 3, impact: 3, eigenaar: 'DMO', contactpersoon: 'L. Modelman',
    rubricering: 'dep-v', ketenpartners: [P.kpn], status: 'open', laatsteBeoordeling: '2025-11-18',
  },
  {
    id: 'NAF-R-035', titel: 'Trager besluiten na aanwijzing als vitale infrastructuur',
    omschrijving: 'Aanwijzing binnen de cyclus vitaal kan de coördinatie in een crisis complexer maken.',
    dreigingscategorie: C.organisation, indicatoren: ['CRI'], kans: 2, impact: 2, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief',
    rubricering: 'openbaar', ketenpartners: [], status: 'gesloten', laatsteBeoordeling: '2025-07-01',
  },
  {
    id: 'NAF-R-036', titel: 'Inbraak in onbemande knooppunten',
    omschrijving: 'Fysieke toegang tot onbemande locaties maakt sabotage of aftappen mogelijk.',
    dreigingscategorie: C.state, indicatoren: ['FYS'], kans: 2, impact: 4, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos',
    rubricering: 'dep-v', ketenpartners: [], status: 'open', laatsteBeoordeling: '2025-11-18',
  },
];

/** Shorthand for the measure rows below; costs default to none. */
function measure(m: Omit<Measure, 'kostenStructureel' | 'kostenEenmalig' | 'omschrijving'> & Partial<Measure>): Measure {
  return { omschrijving: '', kostenStructureel: 0, kostenEenmalig: 0, ...m };
}

export const MEASURES_2025: Measure[] = [
  measure({
    id: 'NAF-M-001', titel: 'Versterken beheer NAFIN',
    omschrijving: 'Extra personele capaciteit voor technisch beheer, solution architectuur, ketenbeheer en regie, inclusief afbouw van inhuur (grove inschatting € 3,0 mln per jaar).',
    risicos: ['NAF-R-031', 'NAF-R-016', 'NAF-R-001'], type: 'intern', status: 'in uitvoering', voortgang: 40, streefdatum: '2026-12-31',
    kansreductie: 1, impactreductie: 0.5, kostenStructureel: 3, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-002', titel: 'Voorraad kernapparatuur aanschaffen en aanhouden',
    omschrijving: 'Kernapparatuur op voorraad om het risico van leverbeperkingen te mitigeren (eerste prognose).',
    risicos: ['NAF-R-013', 'NAF-R-012', 'NAF-R-004'], type: 'intern', status: 'vertraagd', voortgang: 25, streefdatum: '2025-09-30',
    kansreductie: 1, impactreductie: 1, kostenEenmalig: 9, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-003', titel: 'Ondersteuningscontracten met leveranciers aanscherpen',
    omschrijving: 'Afspraken met KPN, Nokia en Cisco over onderliggende ondersteuningscontracten actualiseren.',
    risicos: ['NAF-R-014', 'NAF-R-012', 'NAF-R-002'], type: 'extern', status: 'in uitvoering', voortgang: 60, streefdatum: '2026-06-30',
    kansreductie: 0.5, impactreductie: 1, eigenaar: 'DMO', contactpersoon: 'P. Steekproef', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-004', titel: 'Toezicht op naleving van leveranciersafspraken',
    omschrijving: 'Bureau Industrie Veiligheid ziet toe op naleving en effectiviteit en initieert zo nodig verbetermaatregelen.',
    risicos: ['NAF-R-014', 'NAF-R-015'], type: 'intern', status: 'gepland', streefdatum: '2026-03-31',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'Bureau Industrie Veiligheid', contactpersoon: 'P. Steekproef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-005', titel: 'Responsetijden derde- en vierdelijns support verbeteren',
    omschrijving: 'Kortere responsetijden in de onderhoudscontracten (valt binnen het budget voor versterken beheer).',
    risicos: ['NAF-R-002', 'NAF-R-001'], type: 'extern', status: 'in uitvoering', voortgang: 50, streefdatum: '2026-03-31',
    kansreductie: 0, impactreductie: 1, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-006', titel: 'Aansluitvoorwaarden technische ruimtes aanscherpen',
    omschrijving: 'Aangescherpte en geactualiseerde voorwaarden voor technische ruimtes bij medegebruikers.',
    risicos: ['NAF-R-029', 'NAF-R-022'], type: 'extern', status: 'in uitvoering', voortgang: 70, streefdatum: '2026-03-31',
    kansreductie: 1, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'P. Steekproef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-007', titel: 'Eisen aan informatiebeveiliging medegebruikers aanscherpen',
    risicos: ['NAF-R-029', 'NAF-R-009'], type: 'extern', status: 'in uitvoering', voortgang: 55, streefdatum: '2026-03-31',
    kansreductie: 1, impactreductie: 0, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-008', titel: 'Certificering van aansluitvoorwaarden',
    omschrijving: 'Een formele verklaring of certificering dat een aangesloten organisatie blijvend aan de voorwaarden voldoet.',
    risicos: ['NAF-R-029'], type: 'extern', status: 'gepland', streefdatum: '2025-10-01',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'P. Steekproef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-009', titel: 'Periodieke rapportage door beveiligingsadviseurs',
    omschrijving: 'Beveiligingsadviseurs van aangesloten organisaties signaleren tekortkomingen en rapporteren aan Defensie.',
    risicos: ['NAF-R-029', 'NAF-R-022'], type: 'extern', status: 'gepland', streefdatum: '2026-06-30',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-010', titel: 'Aanvullende controles bij medegebruikers',
    risicos: ['NAF-R-022'], type: 'extern', status: 'gepland', streefdatum: '2026-09-30',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-011', titel: 'Continuïteitsplannen herzien',
    omschrijving: 'Instructies en procedures voor een grootschalige verstoring, met prioritering van uitgevallen systemen.',
    risicos: ['NAF-R-001', 'NAF-R-027', 'NAF-R-024'], type: 'intern', status: 'in uitvoering', voortgang: 75, streefdatum: '2025-11-30',
    kansreductie: 0, impactreductie: 1, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-012', titel: 'Lijst van kritieke processen en herstelprioriteit',
    omschrijving: 'Kritieke processen en de daaraan verbonden IT-systemen, met de volgorde van herstel na storingen.',
    risicos: ['NAF-R-027'], type: 'intern', status: 'gereed', streefdatum: '2025-06-30', gereedOp: '2025-06-24',
    kansreductie: 0, impactreductie: 1.5, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-013', titel: 'Eén werkwijze voor IT- en cyberincidenten',
    omschrijving: 'De werkwijzen en procedures voor de beginfase van storingen zijn samengevoegd.',
    risicos: ['NAF-R-025', 'NAF-R-009'], type: 'intern', status: 'gereed', streefdatum: '2025-03-31', gereedOp: '2025-03-27',
    kansreductie: 1, impactreductie: 1, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-014', titel: 'Opschalingskader bij storingen',
    omschrijving: 'Een stappenplan voor opschaling dat voor alle aangesloten partijen navolgbaar is, opgesteld met de NCTV.',
    risicos: ['NAF-R-024', 'NAF-R-028'], type: 'intern', status: 'in uitvoering', voortgang: 80, streefdatum: '2025-12-01',
    kansreductie: 1, impactreductie: 0.5, eigenaar: 'DCMC', contactpersoon: 'A. de Proef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-015', titel: 'Crisiscommunicatieplan bijwerken voor cyber- en IT-verstoringen',
    omschrijving: 'Vastleggen welke informatie op welke manier wordt gedeeld met interne en externe partners.',
    risicos: ['NAF-R-026'], type: 'intern', status: 'vertraagd', voortgang: 40, streefdatum: '2025-10-31',
    kansreductie: 0, impactreductie: 1, eigenaar: 'Directie Communicatie', contactpersoon: 'A. de Proef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-016', titel: 'Landelijk Crisis Management Systeem (LCMS) invoeren',
    risicos: ['NAF-R-026', 'NAF-R-028'], type: 'intern', status: 'in uitvoering', voortgang: 30, streefdatum: '2026-06-30',
    kansreductie: 0, impactreductie: 1, kostenEenmalig: 0.4, eigenaar: 'DCMC', contactpersoon: 'A. de Proef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-017', titel: 'Oefening NAFIN-storing Q3 2025',
    omschrijving: 'Beproeven van de samengevoegde werkwijze en het opschalingskader.',
    risicos: ['NAF-R-024', 'NAF-R-025', 'NAF-R-026'], type: 'intern', status: 'gereed', streefdatum: '2025-09-30', gereedOp: '2025-09-25',
    kansreductie: 0.5, impactreductie: 0.5, eigenaar: 'DCMC', contactpersoon: 'E. Oefenaar', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-018', titel: 'Oefeningen eind 2025 met medegebruikers',
    omschrijving: 'Oefeningen met aandacht voor het crisiscommunicatieplan en de maatschappelijke rol van Defensie.',
    risicos: ['NAF-R-026', 'NAF-R-028'], type: 'extern', status: 'in uitvoering', voortgang: 50, streefdatum: '2025-12-15',
    kansreductie: 0.5, impactreductie: 0.5, eigenaar: 'DCMC', contactpersoon: 'E. Oefenaar', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-019', titel: 'Meer analoge middelen',
    omschrijving: 'Computers en printers die geen internet nodig hebben, papieren instructies en contactlijsten.',
    risicos: ['NAF-R-032'], type: 'intern', status: 'gereed', streefdatum: '2024-10-31', gereedOp: '2024-10-18',
    kansreductie: 0, impactreductie: 1.5, kostenEenmalig: 0.2, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-020', titel: 'Opleidingen en trainingen personeel aanscherpen',
    omschrijving: 'Scenario’s met laat geëscaleerde storingen en het gebruik van analoge middelen toegevoegd.',
    risicos: ['NAF-R-023', 'NAF-R-024'], type: 'intern', status: 'gereed', streefdatum: '2024-12-31', gereedOp: '2024-12-13',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-021', titel: 'CIO standaard in het crisisteam',
    omschrijving: 'Kennis van cybersecurity en IT vanaf het begin op bestuurlijk niveau betrokken.',
    risicos: ['NAF-R-024', 'NAF-R-025'], type: 'intern', status: 'gereed', streefdatum: '2024-11-30', gereedOp: '2024-11-01',
    kansreductie: 1, impactreductie: 0, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-022', titel: 'Onderzoek aanmerken NAFIN als vitale infrastructuur',
    omschrijving: 'Afweging van voor- en nadelen van aanwijzing binnen de cyclus vitaal; afgerond voor de zomer van 2025.',
    risicos: ['NAF-R-035', 'NAF-R-030'], type: 'intern', status: 'gereed', streefdatum: '2025-06-30', gereedOp: '2025-06-20',
    kansreductie: 0, impactreductie: 0, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-023', titel: 'Veiligheidsvoorwaarden voor vitale processen toepassen op NAFIN',
    risicos: ['NAF-R-005', 'NAF-R-006', 'NAF-R-021'], type: 'intern', status: 'gepland', streefdatum: '2026-06-30',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-024', titel: 'Onafhankelijk toezicht inrichten',
    omschrijving: 'Toezicht dat kwaliteit, continuïteit, integriteit en veiligheid structureel borgt.',
    risicos: ['NAF-R-031', 'NAF-R-014'], type: 'intern', status: 'gepland', streefdatum: '2026-12-31',
    kansreductie: 0.5, impactreductie: 0, kostenStructureel: 0.5, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-025', titel: 'Afspraken medegebruik herzien (NOK, dienstbeschrijving, SLA)',
    risicos: ['NAF-R-029', 'NAF-R-030', 'NAF-R-026'], type: 'extern', status: 'in uitvoering', voortgang: 45, streefdatum: '2026-06-30',
    kansreductie: 0.5, impactreductie: 0.5, eigenaar: 'JIVC', contactpersoon: 'P. Steekproef', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-026', titel: 'Prioriteit in bandbreedte voor kritieke gebruikersgroep',
    risicos: ['NAF-R-033'], type: 'intern', status: 'gepland', streefdatum: '2026-09-30',
    kansreductie: 0, impactreductie: 1, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-027', titel: 'Afhankelijkheid van inhuur afbouwen',
    risicos: ['NAF-R-016'], type: 'intern', status: 'vertraagd', voortgang: 20, streefdatum: '2026-12-31',
    kansreductie: 1.5, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-028', titel: 'Technische verbeteringen tijdsynchronisatie',
    omschrijving: 'Reeds uitgewerkte verbeteringen op zeer korte termijn geïmplementeerd.',
    risicos: ['NAF-R-001'], type: 'intern', status: 'gereed', streefdatum: '2025-02-28', gereedOp: '2025-02-21',
    kansreductie: 1, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-029', titel: 'Tweede onafhankelijke tijdbron op kernlocaties',
    omschrijving: 'Twee locaties van elk M€ 1,5.',
    risicos: ['NAF-R-001'], type: 'intern', status: 'in uitvoering', voortgang: 65, streefdatum: '2026-03-31',
    kansreductie: 1, impactreductie: 0, kostenEenmalig: 3, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-030', titel: 'Gefaseerde uitrol van software-updates via testomgeving',
    risicos: ['NAF-R-002'], type: 'intern', status: 'gereed', streefdatum: '2025-05-15',
    kansreductie: 1, impactreductie: 0, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-031', titel: 'Segmentatie van koppelvlakken met medegebruikers',
    risicos: ['NAF-R-009', 'NAF-R-022'], type: 'intern', status: 'in uitvoering', voortgang: 35, streefdatum: '2026-06-30',
    kansreductie: 0, impactreductie: 1, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-032', titel: 'DDoS-mitigatie bij internetkoppelpunten',
    risicos: ['NAF-R-010'], type: 'extern', status: 'gereed', streefdatum: '2025-04-30', gereedOp: '2025-04-29',
    kansreductie: 0, impactreductie: 1, kostenStructureel: 0.15, eigenaar: 'Defensie Cyber Commando', contactpersoon: 'D. Denkbeeld', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-033', titel: 'Meerfactorauthenticatie en beheer van geprivilegieerde accounts',
    risicos: ['NAF-R-011', 'NAF-R-021'], type: 'intern', status: 'in uitvoering', voortgang: 85, streefdatum: '2026-01-31',
    kansreductie: 1.5, impactreductie: 0, eigenaar: 'CIO Defensie', contactpersoon: 'M. Fictief', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-034', titel: 'Screening en functiescheiding van beheerders',
    risicos: ['NAF-R-021', 'NAF-R-023'], type: 'intern', status: 'gereed', streefdatum: '2025-08-31', gereedOp: '2025-08-29',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos', rubricering: 'stg-c',
  }),
  measure({
    id: 'NAF-M-035', titel: 'Vier-ogencontrole en logging van beheerhandelingen',
    risicos: ['NAF-R-021', 'NAF-R-023'], type: 'intern', status: 'vertraagd', voortgang: 30, streefdatum: '2025-06-30',
    kansreductie: 1, impactreductie: 0.5, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-036', titel: 'Fysieke beveiliging van onbemande knooppunten',
    omschrijving: 'Detectie en toegangscontrole op onbemande locaties.',
    risicos: ['NAF-R-036', 'NAF-R-006'], type: 'intern', status: 'gepland', streefdatum: '2026-12-31',
    kansreductie: 1, impactreductie: 0, kostenEenmalig: 1.8, eigenaar: 'Beveiligingsautoriteit', contactpersoon: 'N. Naamloos', rubricering: 'stg-c',
  }),
  measure({
    id: 'NAF-M-037', titel: 'Redundante glasvezelroutes voor kritieke tracés',
    risicos: ['NAF-R-006', 'NAF-R-034'], type: 'extern', status: 'in uitvoering', voortgang: 20, streefdatum: '2027-06-30',
    kansreductie: 0, impactreductie: 2, kostenEenmalig: 4.5, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-038', titel: 'Noodstroom en brandstofvoorraad op knooppunten',
    risicos: ['NAF-R-020'], type: 'intern', status: 'gereed', streefdatum: '2025-03-31', gereedOp: '2025-03-14',
    kansreductie: 0, impactreductie: 2, kostenEenmalig: 1.2, eigenaar: 'JIVC', contactpersoon: 'J. Voorbeeld', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-039', titel: 'Koelcapaciteit technische ruimtes uitbreiden',
    risicos: ['NAF-R-017'], type: 'intern', status: 'vertraagd', voortgang: 50, streefdatum: '2025-07-01',
    kansreductie: 1.5, impactreductie: 0, kostenEenmalig: 0.8, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-040', titel: 'Eigen klimaatrisicoscan van knooppuntlocaties',
    omschrijving: 'Vervallen: opgenomen in de rijksbrede scan van klimaat- en natuurrampen.',
    risicos: ['NAF-R-018'], type: 'intern', status: 'geannuleerd', streefdatum: '2025-12-31',
    kansreductie: 0, impactreductie: 1, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-041', titel: 'Tweede leverancier voor kernrouters',
    omschrijving: 'Vervallen na marktverkenning: geen geschikte tweede leverancier binnen de planperiode.',
    risicos: ['NAF-R-012'], type: 'extern', status: 'geannuleerd', streefdatum: '2026-12-31',
    kansreductie: 1, impactreductie: 0, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-042', titel: 'Cryptografische beveiliging van verbindingen vernieuwen',
    risicos: ['NAF-R-005'], type: 'intern', status: 'in uitvoering', voortgang: 40, streefdatum: '2026-12-31',
    kansreductie: 1.5, impactreductie: 0, kostenEenmalig: 2, eigenaar: 'CIO Defensie', contactpersoon: 'D. Denkbeeld', rubricering: 'stg-c',
  }),
  measure({
    id: 'NAF-M-043', titel: 'Gericht zoeken naar voorbereidingshandelingen in het netwerk',
    risicos: ['NAF-R-007', 'NAF-R-005'], type: 'intern', status: 'gepland', streefdatum: '2026-03-31',
    kansreductie: 1, impactreductie: 0, eigenaar: 'Defensie Cyber Commando', contactpersoon: 'D. Denkbeeld', rubricering: 'stg-c',
  }),
  measure({
    id: 'NAF-M-044', titel: 'Nationale veiligheid als zwaarwegend inkoopcriterium',
    risicos: ['NAF-R-015', 'NAF-R-012'], type: 'intern', status: 'gereed', streefdatum: '2025-09-30', gereedOp: '2025-10-01',
    kansreductie: 0.5, impactreductie: 0, eigenaar: 'Bureau Industrie Veiligheid', contactpersoon: 'P. Steekproef', rubricering: 'dep-v',
  }),
  measure({
    id: 'NAF-M-045', titel: 'Noodstroom bij medegebruikers verplichten',
    omschrijving: 'Vervallen: valt onder de aansluitvoorwaarden (NAF-M-006).',
    risicos: ['NAF-R-020'], type: 'extern', status: 'geannuleerd', streefdatum: '2025-12-31',
    kansreductie: 0, impactreductie: 1, eigenaar: 'JIVC', contactpersoon: 'P. Steekproef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-046', titel: 'Storingsbeeld voor medegebruikers',
    omschrijving: 'Een gedeeld actueel beeld van storingen voor aangesloten organisaties.',
    risicos: ['NAF-R-026', 'NAF-R-028'], type: 'extern', status: 'gepland', streefdatum: '2025-11-15',
    kansreductie: 0, impactreductie: 0.5, eigenaar: 'JIVC', contactpersoon: 'A. de Proef', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-047', titel: 'Vervanging van apparatuur buiten ondersteuning',
    risicos: ['NAF-R-004'], type: 'intern', status: 'in uitvoering', voortgang: 30, streefdatum: '2027-12-31',
    kansreductie: 1.5, impactreductie: 0, kostenStructureel: 0.6, eigenaar: 'DMO', contactpersoon: 'L. Modelman', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-048', titel: 'Crisisplannen van medegebruikers toetsen',
    risicos: ['NAF-R-028'], type: 'extern', status: 'gepland', streefdatum: '2026-06-30',
    kansreductie: 0, impactreductie: 0.5, eigenaar: 'DCMC', contactpersoon: 'E. Oefenaar', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-049', titel: 'Masten stormbestendig maken',
    risicos: ['NAF-R-019'], type: 'intern', status: 'gereed', streefdatum: '2024-06-30', gereedOp: '2024-06-28',
    kansreductie: 1, impactreductie: 0, kostenEenmalig: 0.3, eigenaar: 'JIVC', contactpersoon: 'S. Verzonnen', rubricering: 'openbaar',
  }),
  measure({
    id: 'NAF-M-050', titel: 'Back-up van configuraties en herstelprocedures',
    risicos: ['NAF-R-003', 'NAF-R-023'], type: 'intern', status: 'gereed', streefdatum: '2025-01-31', gereedOp: '2025-01-30',
    kansreductie: 0, impactreductie: 1, eigenaar: 'JIVC', contactpersoon: 'K. Testkamp', rubricering: 'openbaar',
  }),
];

/** The eenmalig cost an analyst typed as a formula (two locations of M€ 1,5). */
export const COST_FORMULAS: Record<string, string> = { 'NAF-M-029': '1.5*2' };

const OUTAGE: Incident = {
  id: 'NAF-I-001', soort: 'incident', datum: '2024-08-27', titel: 'Landelijke NAFIN-storing door fout in tijdsynchronisatie',
  omschrijving: 'Wegvallen van de routering; verstoringen bij KMar, Kustwacht, Eindhoven Airport, meldkamers en de Haagse Ring. Hersteld in 13 uur tegen een streven van 4 uur.',
  indicatoren: ['DIG', 'KET', 'CRI'], hersteltijd: 13, norm: 4, rubricering: 'openbaar',
};

export const INCIDENTS_2025: Incident[] = [
  OUTAGE,
  {
    id: 'NAF-I-002', soort: 'incident', datum: '2025-02-11', titel: 'Glasvezelbreuk door graafwerkzaamheden',
    omschrijving: 'Een tracé bij Zwolle doorgegraven; verkeer via een omweg, één meldkamer tijdelijk beperkt bereikbaar.',
    indicatoren: ['FYS', 'KET'], hersteltijd: 6.5, norm: 4, rubricering: 'openbaar',
  },
  {
    id: 'NAF-I-003', soort: 'incident', datum: '2025-04-03', titel: 'DDoS-aanval op internetkoppelpunt',
    omschrijving: 'Aanval van cybercriminelen afgeslagen door de nieuwe mitigatie.',
    indicatoren: ['DIG'], hersteltijd: 1.5, norm: 4, rubricering: 'dep-v',
  },
  {
    id: 'NAF-I-004', soort: 'incident', datum: '2025-06-26', titel: 'Stroomuitval op knooppunt tijdens onweer',
    omschrijving: 'Noodstroom nam over; één straalverbinding viel uit tot de netspanning terugkwam.',
    indicatoren: ['FYS'], hersteltijd: 3.5, norm: 4, rubricering: 'dep-v',
  },
  {
    id: 'NAF-I-005', soort: 'incident', datum: '2025-07-15', titel: 'Storing in transmissiedienst van een leverancier',
    omschrijving: 'Uitval van onderliggende transmissie raakte twee tracés; herstel wachtte op de leverancier.',
    indicatoren: ['KET', 'ECO'], hersteltijd: 7, norm: 4, rubricering: 'dep-v',
  },
  {
    id: 'NAF-I-006', soort: 'oefening', datum: '2025-09-24', titel: 'Oefening NAFIN-storing Q3 2025',
    omschrijving: 'Beproeving van de samengevoegde werkwijze voor IT- en cyberincidenten en van het opschalingskader.',
    indicatoren: ['CRI', 'DIG'], hersteltijd: 3.5, norm: 4, rubricering: 'openbaar',
  },
  {
    id: 'NAF-I-007', soort: 'oefening', datum: '2025-12-09', titel: 'Ketenoefening crisiscommunicatie met medegebruikers',
    omschrijving: 'Oefening eind 2025 met Politie, meldkamers en Kustwacht; crisiscommunicatieplan en LCMS beproefd.',
    indicatoren: ['CRI', 'KET'], hersteltijd: 5, norm: 4, rubricering: 'openbaar',
  },
  {
    id: 'NAF-I-008', soort: 'incident', datum: '2025-10-14', titel: 'Verdachte verkenning van beheerinterfaces',
    omschrijving: 'Scanactiviteit toegeschreven aan een statelijke actor; geen toegang verkregen.',
    indicatoren: ['DIG'], rubricering: 'stg-c',
  },
];

export const INCIDENTS_2024: Incident[] = [
  {
    id: 'NAF-I-101', soort: 'incident', datum: '2024-03-19', titel: 'Glasvezelbreuk bij werkzaamheden aan een spoortracé',
    omschrijving: 'Verbinding naar een knooppunt in het oosten onderbroken.',
    indicatoren: ['FYS'], hersteltijd: 9, norm: 4, rubricering: 'openbaar',
  },
  {
    id: 'NAF-I-102', soort: 'incident', datum: '2024-05-28', titel: 'DDoS-aanval op internetkoppelpunt',
    omschrijving: 'Diensten voor het Rijksoverheidnetwerk urenlang vertraagd.',
    indicatoren: ['DIG'], hersteltijd: 5, norm: 4, rubricering: 'dep-v',
  },
  OUTAGE,
  {
    id: 'NAF-I-103', soort: 'oefening', datum: '2024-11-21', titel: 'Tafeloefening escalatie buiten kantoortijden',
    omschrijving: 'Eerste oefening na de storing, met de CIO in het crisisteam.',
    indicatoren: ['CRI'], hersteltijd: 8, norm: 4, rubricering: 'openbaar',
  },
];

/**
 * What was different at the end of 2024: per risk ID the fields that differed, or `null` when the
 * risk was not yet in the register. Risks not listed were the same as in 2025.
 */
export const RISK_CHANGES_2024: Record<string, Partial<Risk> | null> = {
  'NAF-R-001': { kans: 4, laatsteBeoordeling: '2024-09-16' },
  'NAF-R-002': { kans: 2, laatsteBeoordeling: '2024-09-16' },
  'NAF-R-006': { kans: 2, laatsteBeoordeling: '2024-05-13' },
  'NAF-R-007': null,
  'NAF-R-008': { laatsteBeoordeling: '2024-06-14' },
  'NAF-R-010': { kans: 3, impact: 3, laatsteBeoordeling: '2024-06-03' },
  'NAF-R-012': { kans: 2, laatsteBeoordeling: '2024-04-22' },
  'NAF-R-013': { kans: 3, laatsteBeoordeling: '2024-04-22' },
  'NAF-R-015': null,
  'NAF-R-017': { kans: 2, laatsteBeoordeling: '2023-08-30' },
  'NAF-R-018': { laatsteBeoordeling: '2023-10-02' },
  'NAF-R-019': { status: 'open', laatsteBeoordeling: '2024-02-05' },
  'NAF-R-024': { kans: 4, laatsteBeoordeling: '2024-10-07' },
  'NAF-R-025': { kans: 4, impact: 4, status: 'open', laatsteBeoordeling: '2024-10-07' },
  'NAF-R-026': { kans: 4, laatsteBeoordeling: '2024-10-07' },
  'NAF-R-027': { kans: 4, impact: 4, laatsteBeoordeling: '2024-10-07' },
  'NAF-R-030': { status: 'open', laatsteBeoordeling: '2024-10-07', geaccepteerdDoor: undefined, geaccepteerdTot: undefined },
  'NAF-R-033': null,
  'NAF-R-034': null,
  'NAF-R-035': { status: 'open', kans: 3, laatsteBeoordeling: '2024-10-07' },
  'NAF-R-036': null,
};

/** Measures at the end of 2024, by the same rule: changed fields, or `null` when not yet planned. */
export const MEASURE_CHANGES_2024: Record<string, Partial<Measure> | null> = {
  'NAF-M-001': { status: 'gepland', voortgang: undefined },
  'NAF-M-002': { status: 'gepland', voortgang: undefined },
  'NAF-M-003': { status: 'gepland', voortgang: undefined },
  'NAF-M-004': null,
  'NAF-M-005': { voortgang: 20 },
  'NAF-M-006': { status: 'gepland', voortgang: undefined },
  'NAF-M-007': { voortgang: 20 },
  'NAF-M-008': null,
  'NAF-M-009': null,
  'NAF-M-010': null,
  'NAF-M-011': { voortgang: 25, streefdatum: '2025-06-30' },
  'NAF-M-012': { status: 'in uitvoering', voortgang: 30, gereedOp: undefined },
  'NAF-M-013': { status: 'in uitvoering', voortgang: 50, gereedOp: undefined },
  'NAF-M-014': { status: 'gepland', voortgang: undefined },
  'NAF-M-015': { status: 'gepland', voortgang: undefined, streefdatum: '2025-06-30' },
  'NAF-M-016': null,
  'NAF-M-017': { status: 'gepland', gereedOp: undefined },
  'NAF-M-018': null,
  'NAF-M-022': { status: 'in uitvoering', voortgang: 10, gereedOp: undefined },
  'NAF-M-023': null,
  'NAF-M-024': null,
  'NAF-M-025': { status: 'gepland', voortgang: undefined },
  'NAF-M-026': null,
  'NAF-M-027': { status: 'gepland', voortgang: undefined },
  'NAF-M-028': { status: 'in uitvoering', voortgang: 60, streefdatum: '2024-12-01', gereedOp: undefined },
  'NAF-M-029': null,
  'NAF-M-030': { status: 'in uitvoering', voortgang: 40 },
  'NAF-M-031': { status: 'gepland', voortgang: undefined },
  'NAF-M-032': { status: 'in uitvoering', voortgang: 70, gereedOp: undefined },
  'NAF-M-033': { voortgang: 50 },
  'NAF-M-034': { status: 'in uitvoering', voortgang: 60, gereedOp: undefined },
  'NAF-M-035': { status: 'in uitvoering', voortgang: 20 },
  'NAF-M-036': null,
  'NAF-M-037': null,
  'NAF-M-038': { status: 'in uitvoering', voortgang: 80, gereedOp: undefined },
  'NAF-M-039': { status: 'gepland', voortgang: undefined },
  'NAF-M-040': { status: 'gepland' },
  'NAF-M-041': { status: 'in uitvoering', voortgang: 10 },
  'NAF-M-042': { status: 'gepland', voortgang: undefined },
  'NAF-M-043': null,
  'NAF-M-044': null,
  'NAF-M-045': { status: 'gepland' },
  'NAF-M-046': null,
  'NAF-M-047': { status: 'gepland', voortgang: undefined },
  'NAF-M-048': null,
  'NAF-M-050': { status: 'in uitvoering', voortgang: 50, gereedOp: undefined },
};

/** Applies a change table: changed items replaced, absent ones left out, `undefined` fields removed. */
export function applyChanges<T extends { id: string }>(items: readonly T[], changes: Record<string, Partial<T> | null>): T[] {
  return items.flatMap((item) => {
    const change = changes[item.id];
    if (change === null) return [];
    const merged: T = { ...item, ...change };
    for (const key of Object.keys(merged) as (keyof T)[]) if (merged[key] === undefined) delete merged[key];
    return [merged];
  });
}

export const RISKS_2024 = applyChanges(RISKS_2025, RISK_CHANGES_2024);
export const MEASURES_2024 = applyChanges(MEASURES_2025, MEASURE_CHANGES_2024);

/** The same calendar day a year earlier. */
const yearEarlier = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

/**
 * The end of 2023, a year before 2024: risks not yet in the register are left out (`null`), the others
 * were reviewed a year earlier, some with other values.
 */
export const RISK_CHANGES_2023: Record<string, Partial<Risk> | null> = {
  'NAF-R-001': { kans: 3 },
  'NAF-R-011': null,
  'NAF-R-016': null,
  'NAF-R-022': null,
  'NAF-R-024': { kans: 3 },
};

export const RISKS_2023 = applyChanges(RISKS_2024, RISK_CHANGES_2023).map((r) => (r.laatsteBeoordeling ? { ...r, laatsteBeoordeling: yearEarlier(r.laatsteBeoordeling) } : r));

/**
 * Measures at the end of 2023: only those naming a risk of 2023 (and only those risks); what was done
 * in 2024 was still under way then, and what was under way had half its 2024 progress.
 */
export const MEASURES_2023: Measure[] = MEASURES_2024.flatMap((m) => {
  const known = new Set(RISKS_2023.map((r) => r.id));
  const risicos = m.risicos.filter((id) => known.has(id));
  if (risicos.length === 0) return [];
  if (m.status === 'gereed' && (m.gereedOp ?? '9999') > '2023-12-31') {
    const { gereedOp: _done, ...rest } = m;
    return [{ ...rest, risicos, status: 'in uitvoering', voortgang: 60 }];
  }
  const underway = (m.status === 'in uitvoering' || m.status === 'vertraagd') && m.voortgang !== undefined;
  return [{ ...m, risicos, ...(underway ? { voortgang: Math.round(m.voortgang! / 2) } : {}) }];
});

export const INCIDENTS_2023: Incident[] = [
  {
    id: 'NAF-I-091', soort: 'incident', datum: '2023-05-09', titel: 'Stroomstoring op een knooppunt in het zuiden',
    omschrijving: 'Noodstroom sloeg te laat aan; twee verbindingen vielen uit.',
    indicatoren: ['FYS'], hersteltijd: 5, norm: 4, rubricering: 'openbaar',
  },
  {
    id: 'NAF-I-092', soort: 'oefening', datum: '2023-10-12', titel: 'Tafeloefening uitval kernrouters',
    omschrijving: 'Oefening met de technische laag; de bestuurlijke laag was niet betrokken.',
    indicatoren: ['CRI', 'DIG'], rubricering: 'openbaar',
  },
];
