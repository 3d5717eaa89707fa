"""Words and names the demo data is written with.

``VOCABULARY`` is listed from the most to the least frequent word: text drawn from it follows a
Zipf law (the word of rank r has weight 1 / r), so full-text search meets both very common terms
("court", in nearly every case) and terms found in a handful of cases. ``RARE_TERM`` is not in
the vocabulary: it is written into the summaries of a fixed number of cases only.
"""

from __future__ import annotations


def _words(block: str) -> list[str]:
    return block.split()


COMMON_TERM = "court"
RARE_TERM = "brontide"

VOCABULARY = _words("""
court plaintiff defendant motion order claim party complaint counsel filed
class notice hearing discovery judgment evidence record damages district parties
settlement relief response reply action state federal rule review appeal
memorandum opposition injunction stipulation exhibit declaration brief dismiss schedule schedule
conference deadline trial jury witness deposition subpoena privilege document documents
contract breach negligence fraud statute section amended consumer privacy data
injury product liability warranty employment wage overtime discrimination retaliation
securities shareholder merger antitrust patent trademark copyright infringement license
insurance coverage policy premium lender borrower mortgage foreclosure loan debt
collection arbitration agreement clause waiver jurisdiction venue transfer remand removal
standing certification members representative adequacy typicality commonality predominance
superiority objection objector fairness attorney fees costs expenses incentive award
administrator claims payment distribution notice publication website email mailing
report expert testimony opinion methodology reliability admissibility daubert sanctions
compel protective confidential sealed redacted unsealed public interest balance harm
irreparable likelihood success merits equities preliminary temporary restraining bond
enforcement contempt compliance monitor audit inspection records production interrogatories
admissions requests responses objections supplemental privilege log custodian search
terms vendor review collection metadata native format images production volume
status conference case management scheduling calendar continuance extension stay pending
mediation mediator session confidential proposal offer acceptance release covenant
indemnity contribution apportionment allocation fault comparative causation proximate foreseeable
duty standard care reasonable conduct breach duty violation statute regulation agency
administrative rulemaking comment notice guidance enforcement penalty fine restitution
disgorgement forfeiture seizure warrant search suppression custody detention habeas petition
conviction sentence probation parole restitution victim witness impeachment credibility
hearsay exception business records authentication foundation chain custody exhibit list
instruction verdict special general interrogatory poll mistrial retrial remittitur additur
post-trial renewed matter law alternative new trial amend alter vacate reconsideration
interlocutory certification appellate jurisdiction collateral order mandamus prohibition
en banc rehearing panel circuit certiorari petition grant deny vacated remanded affirmed
reversed modified dismissed moot ripeness abstention comity preemption supremacy commerce
due process equal protection speech religion assembly petition search seizure takings
contract implied covenant good faith dealing unjust enrichment quantum meruit promissory
estoppel conversion trespass nuisance defamation libel slander false light intrusion
seclusion misappropriation likeness publicity biometric identifiers facial geometry scan
retention schedule destruction consent disclosure dissemination profit sale lease
algorithm software platform application users accounts subscribers streaming device
sensor location tracking cookies pixel analytics advertising targeting profiling
vehicle engine emissions airbag recall defect design manufacturing labeling warning
pharmaceutical drug device implant hernia mesh talc opioid distributor pharmacy manufacturer
chemical exposure groundwater contamination pfas solvent asbestos mesothelioma silica benzene
railroad derailment pipeline spill wildfire utility transmission outage flood hurricane
tenant landlord eviction habitability rent deposit housing zoning permit variance easement
school district student teacher curriculum disability accommodation accessibility access
prisoner inmate jail conditions medical deliberate indifference excessive force officer
municipality policy custom training supervision qualified immunity sovereign eleventh
election ballot voter registration redistricting map apportionment candidate campaign finance
union collective bargaining grievance pension benefits fiduciary plan participant erisa
trustee bankruptcy debtor creditor estate automatic stay preference transfer avoidance
receiver receivership dissolution partnership member manager operating agreement derivative
director officer board committee special litigation demand futility books records inspection
valuation appraisal fair price tender offer proxy disclosure materiality scienter loss causation
market efficiency reliance presumption event study price impact analyst short seller
franchise dealer distributor territory termination goodwill noncompete nonsolicitation trade
secrets customer list source code reverse engineering misappropriation injunction bond
royalty reasonable lost profits apportionment smallest saleable unit comparable license
claim construction markman indefiniteness enablement written description obviousness anticipation
prior art inter partes reexamination institution estoppel ptab stay pending review
freight carrier shipper bill lading cargo demurrage charter vessel salvage collision maritime
crew seaman maintenance cure unseaworthiness longshore harbor wharf terminal port authority
aircraft airline passenger baggage delay cancellation refund voucher montreal convention
hotel resort booking reservation fee junk surcharge transparency pricing drip
ticket concert venue resale scalping bot captcha dynamic allocation presale
subscription renewal cancellation autorenewal dark pattern interface disclosure consent
telephone text message autodialer robocall fax consent revocation reassigned number
credit report furnisher dispute reinvestigation accuracy mixed file identity theft
background screening tenant screening adverse action notice authorization disclosure standalone
loan servicer escrow forbearance modification payoff statement fee late charge
bank overdraft fee sufficient funds representment reprocessing posting order checking
cryptocurrency token exchange wallet custody staking lending yield offering unregistered
commodity futures swap manipulation spoofing benchmark rate rigging foreign exchange
cartel conspiracy price fixing bid rigging market allocation no-poach wage fixing
monopolization tying exclusive dealing refusal deal predatory pricing attempted monopoly
merger acquisition divestiture remedy consent decree modification termination sunset
environmental impact statement assessment endangered species habitat permit discharge
clean water air act hazardous waste cleanup remediation response costs contribution
tribe tribal sovereignty treaty trust land allotment reservation jurisdiction gaming compact
immigration asylum removal detention parole visa petition adjustment status naturalization
freedom information request exemption withholding segregability vaughn index glomar response
whistleblower qui tam relator false claims retaliation seal intervention declination
medicare medicaid reimbursement billing upcoding kickback stark referral compliance
nursing facility resident staffing neglect abuse elder guardianship conservatorship
trust beneficiary settlor trustee accounting surcharge removal spendthrift decanting
will probate testator capacity undue influence contest executor intestate heir
custody visitation support alimony marital property dissolution prenuptial postnuptial
adoption termination parental rights dependency foster placement reunification permanency
juvenile delinquency transfer adult certification detention disposition commitment
firearm license carry permit magazine ammunition background check registry
cannabis dispensary license zoning excise tax banking hemp derivative delta
gambling sports wagering lottery sweepstakes skill game machine casino compact
wine beer spirits distributor tier shipping direct license franchise
vaccine mandate exemption mask closure emergency order capacity restriction reopening
broadband spectrum tower easement pole attachment franchise fee right way
satellite orbit launch license debris interference frequency coordination
quarry mine lease royalty mineral rights severance fracking pooling unitization
timber harvest grazing allotment water rights adjudication appropriation riparian
vineyard orchard crop insurance drought indemnity disaster payment program
fishery quota catch share observer bycatch closure emergency rule
""")

# Duplicates keep the first (more frequent) rank.
VOCABULARY = list(dict.fromkeys(VOCABULARY))

FIRST_NAMES = _words("""
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard
Susan Joseph Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty
Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Dorothy
Jason Rebecca Edward Sharon Jeffrey Laura Ryan Cynthia Jacob Amy Gary Kathleen Nicholas Angela
Eric Shirley Jonathan Brenda Stephen Emma Larry Anna Justin Pamela Scott Nicole Brandon Samantha
Benjamin Katherine Samuel Christine Gregory Helen Alexander Debra Patrick Rachel Frank Carolyn
Raymond Janet Jack Maria Dennis Catherine Jerry Heather Tyler Diane Aaron Olivia Jose Julie Adam
Joyce Nathan Victoria Henry Ruth Zachary Virginia Douglas Lauren Peter Kelly Kyle Christina Noah
Joan Ethan Evelyn Jeremy Judith Walter Andrea Christian Hannah Keenan Megan Roger Cheryl Terry
Jacqueline Austin Martha Sean Madison Gerald Teresa Carl Gloria Harold Sara Dylan Janice Arthur
Ann Lawrence Kathryn Jordan Abigail Jesse Sophia Bryan Frances Billy Jean Bruce Alice Gabriel
Judy Joe Isabella Logan Julia Alan Grace Juan Amber Albert Denise Willie Danielle Elijah Marilyn
Wayne Beverly Randy Charlotte Vincent Natalie Mason Theresa Roy Diana Ralph Brittany Bobby Doris
Russell Kayla Bradley Alexis Philip Lori Eugene Marie Mateo Priya Wei Aisha Hiroshi Fatima Dmitri
Ngozi Santiago Mei Omar Leilani Tomasz Ingrid Rafael Yuki Kwame Esperanza Arjun Siobhan Malik
""")

LAST_NAMES = _words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina
Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington
Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black
Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce
Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson
Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena
Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada
Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison
Franklin Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery
Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy
Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla
Day Walsh Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman
Pearson Curtis Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade
Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig
Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz
Norris Jennings Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt Deleon
Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton Wolfe
Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes
Solis Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins
Aguirre Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins Liu Ramsey Francis Griffith
Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss Swanson Chan Rivas Khan Rodgers
Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin Harmon McGee
Gross Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster
Goodwin Fischer Huang Potter Delacruz Montoya Todd Wu Hines Mullins Castaneda Malone Cannon Tate
Mack Sherman Hubbard Hodges Zhang Guerra Wolf Valencia Saunders Franco Rowe Gallagher Farmer
Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton Schroeder Maxwell Waters Logan
Camacho Strickland Norman Person Colon Parsons Frank Harrington Glover Osborne Buchanan Casey
Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner Moody
Escobar McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey Velazquez Norton McCormick
Sparks Flynn Yates Hogan Marsh Macias Villanueva Zamora Pratt Stokes Owen Ballard Lang Brock
Villarreal Charles Drake Barrera Cain Patrick Pineda Burnett Mercado Santana Shepherd Bautista
""")

# Company names: "<stem> <industry> <suffix>".
COMPANY_STEMS = _words("""
Acme Apex Summit Pinnacle Meridian Horizon Keystone Liberty Pioneer Frontier Atlas Vanguard
Sterling Beacon Harbor Cascade Redwood Evergreen Granite Ironwood Silverline Bluewater Northstar
Southgate Eastbrook Westfield Lakeshore Riverbend Clearview Brightpath Truenorth Crescent Falcon
Eagle Hawk Osprey Heron Cardinal Orion Titan Zenith Vertex Nexus Quantum Vector Matrix Helix
Catalyst Fusion Synergy Paragon Sentinel Guardian Patriot Heritage Legacy Monarch Regal Crown
Empire Dominion Commonwealth Continental National American United Allied Consolidated Universal
General Standard Premier Prime First Capital Central Coastal Mountain Valley Prairie Desert
Canyon Mesa Sierra Alpine Glacier Tundra Polar Solar Lunar Stellar Nova Comet Aurora Ember
Blaze Spark Volt Ampere Kinetic Dynamo Torque Piston Gear Anchor Compass Lantern Signal Relay
Circuit Pixel Byte Cloud Stream Data Logic Cipher Sigma Delta Omega Alpha Beta Gamma Kappa
Lambda Theta Zephyr Mistral Sirocco Monsoon Tempest Thunder Lightning Boulder Cobalt Nickel
Copper Bronze Silver Golden Platinum Diamond Emerald Sapphire Ruby Onyx Jade Amber Coral Pearl
Ivory Ebony Maple Oak Cedar Pine Birch Willow Aspen Cypress Magnolia Juniper Laurel Sequoia
Hickory Chestnut Walnut Hazel Briar Thistle Clover Sage Rosemary Saffron Indigo Violet Scarlet
Crimson Azure Cerulean Teal Olive Russet Umber Sable Slate Flint Quartz Basalt Obsidian Marble
Harborview Bayside Seaside Parkside Hillcrest Fairview Greenfield Springfield Brookside Oakwood
""")

INDUSTRIES = _words("""
Bank Financial Capital Holdings Insurance Mutual Trust Securities Investments Lending Credit
Mortgage Payments Technologies Software Systems Networks Data Analytics Cloud Digital Media
Communications Wireless Telecom Broadband Energy Power Utilities Oil Gas Petroleum Pipeline
Chemicals Materials Steel Mining Minerals Logistics Freight Transport Airlines Railways Shipping
Motors Automotive Mobility Pharmaceuticals Therapeutics Biosciences Health Healthcare Medical
Devices Diagnostics Labs Foods Beverages Brands Restaurants Retail Stores Apparel Outfitters
Home Furnishings Realty Properties Development Construction Builders Engineering Manufacturing
Industries Products Packaging Paper Plastics Tools Equipment Aerospace Defense Security Services
Staffing Consulting Management Partners Ventures Entertainment Studios Games Gaming Hospitality
Hotels Resorts Travel Education Learning Academy Fitness Wellness Nutrition Agriculture Farms
Seeds Water Environmental Waste Recycling Solar Wind Batteries Semiconductors Electronics Robotics
""")

COMPANY_SUFFIXES = ["Inc.", "LLC", "Corp.", "Co.", "L.P.", "Ltd.", "Group, Inc.", "Holdings LLC"]
COMPANY_SUFFIX_WEIGHTS = [30, 25, 15, 6, 4, 3, 8, 9]

CITIES = [
    ("New York", "NY"), ("Los Angeles", "CA"), ("Chicago", "IL"), ("Houston", "TX"),
    ("Phoenix", "AZ"), ("Philadelphia", "PA"), ("San Antonio", "TX"), ("San Diego", "CA"),
    ("Dallas", "TX"), ("San Jose", "CA"), ("Austin", "TX"), ("Jacksonville", "FL"),
    ("Fort Worth", "TX"), ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"),
    ("San Francisco", "CA"), ("Seattle", "WA"), ("Denver", "CO"), ("Washington", "DC"),
    ("Boston", "MA"), ("El Paso", "TX"), ("Nashville", "TN"), ("Detroit", "MI"),
    ("Oklahoma City", "OK"), ("Portland", "OR"), ("Las Vegas", "NV"), ("Memphis", "TN"),
    ("Louisville", "KY"), ("Baltimore", "MD"), ("Milwaukee", "WI"), ("Albuquerque", "NM"),
    ("Tucson", "AZ"), ("Fresno", "CA"), ("Sacramento", "CA"), ("Mesa", "AZ"),
    ("Kansas City", "MO"), ("Atlanta", "GA"), ("Omaha", "NE"), ("Colorado Springs", "CO"),
    ("Raleigh", "NC"), ("Long Beach", "CA"), ("Virginia Beach", "VA"), ("Miami", "FL"),
    ("Oakland", "CA"), ("Minneapolis", "MN"), ("Tulsa", "OK"), ("Bakersfield", "CA"),
    ("Wichita", "KS"), ("Arlington", "TX"), ("Aurora", "IL"), ("Tampa", "FL"),
    ("New Orleans", "LA"), ("Cleveland", "OH"), ("Honolulu", "HI"), ("Anaheim", "CA"),
    ("Lexington", "KY"), ("Stockton", "CA"), ("Corpus Christi", "TX"), ("Henderson", "NV"),
    ("Riverside", "CA"), ("Newark", "NJ"), ("Saint Paul", "MN"), ("Santa Ana", "CA"),
    ("Cincinnati", "OH"), ("Irvine", "CA"), ("Orlando", "FL"), ("Pittsburgh", "PA"),
    ("St. Louis", "MO"), ("Greensboro", "NC"), ("Jersey City", "NJ"), ("Anchorage", "AK"),
    ("Lincoln", "NE"), ("Plano", "TX"), ("Durham", "NC"), ("Buffalo", "NY"),
    ("Chandler", "AZ"), ("Chula Vista", "CA"), ("Toledo", "OH"), ("Madison", "WI"),
    ("Gilbert", "AZ"), ("Reno", "NV"), ("Fort Wayne", "IN"), ("North Las Vegas", "NV"),
    ("St. Petersburg", "FL"), ("Lubbock", "TX"), ("Irving", "TX"), ("Laredo", "TX"),
    ("Winston-Salem", "NC"), ("Chesapeake", "VA"), ("Glendale", "AZ"), ("Garland", "TX"),
    ("Scottsdale", "AZ"), ("Norfolk", "VA"), ("Boise", "ID"), ("Fremont", "CA"),
    ("Spokane", "WA"), ("Santa Clarita", "CA"), ("Baton Rouge", "LA"), ("Richmond", "VA"),
    ("Hialeah", "FL"), ("San Bernardino", "CA"), ("Tacoma", "WA"), ("Modesto", "CA"),
    ("Huntsville", "AL"), ("Des Moines", "IA"), ("Yonkers", "NY"), ("Rochester", "NY"),
    ("Moreno Valley", "CA"), ("Fayetteville", "NC"), ("Fontana", "CA"), ("Columbus", "GA"),
    ("Worcester", "MA"), ("Port St. Lucie", "FL"), ("Little Rock", "AR"), ("Augusta", "GA"),
    ("Oxnard", "CA"), ("Birmingham", "AL"), ("Montgomery", "AL"), ("Frisco", "TX"),
    ("Amarillo", "TX"), ("Salt Lake City", "UT"), ("Grand Rapids", "MI"),
    ("Huntington Beach", "CA"),
    ("Overland Park", "KS"), ("Glendale", "CA"), ("Tallahassee", "FL"), ("Grand Prairie", "TX"),
    ("McKinney", "TX"), ("Cape Coral", "FL"), ("Sioux Falls", "SD"), ("Peoria", "IL"),
    ("Providence", "RI"), ("Vancouver", "WA"), ("Knoxville", "TN"), ("Akron", "OH"),
    ("Shreveport", "LA"), ("Mobile", "AL"), ("Brownsville", "TX"), ("Newport News", "VA"),
    ("Fort Lauderdale", "FL"), ("Chattanooga", "TN"), ("Tempe", "AZ"), ("Aurora", "CO"),
    ("Santa Rosa", "CA"), ("Eugene", "OR"), ("Elk Grove", "CA"), ("Salem", "OR"),
    ("Ontario", "CA"), ("Cary", "NC"), ("Rancho Cucamonga", "CA"), ("Oceanside", "CA"),
    ("Lancaster", "CA"), ("Garden Grove", "CA"), ("Pembroke Pines", "FL"), ("Fort Collins", "CO"),
    ("Palmdale", "CA"), ("Springfield", "MO"), ("Clarksville", "TN"), ("Rockford", "IL"),
    ("Alexandria", "VA"), ("Paterson", "NJ"), ("Hartford", "CT"), ("Joliet", "IL"),
    ("Naperville", "IL"), ("Evanston", "IL"), ("Oak Park", "IL"), ("Berkeley", "CA"),
]  # fmt: skip

DEPARTMENTS = [
    "Corrections", "Transportation", "Health", "Human Services", "Revenue", "Education", "Labor",
    "Public Safety", "Environmental Protection", "Insurance", "Financial Institutions",
    "Motor Vehicles", "Children and Families", "Natural Resources", "Agriculture", "Housing",
    "Justice", "Commerce", "Veterans Affairs", "Homeland Security", "Consumer Affairs",
    "Employment Security", "Fish and Wildlife", "Water Resources", "Public Utilities",
]  # fmt: skip

FEDERAL_BODIES = [
    "United States of America", "Federal Trade Commission", "Securities and Exchange Commission",
    "Consumer Financial Protection Bureau", "Environmental Protection Agency",
    "Department of Homeland Security", "Department of Health and Human Services",
    "Department of Labor", "Department of Education", "Department of Justice",
    "Food and Drug Administration", "Federal Communications Commission",
    "National Labor Relations Board", "Equal Employment Opportunity Commission",
    "Internal Revenue Service", "Social Security Administration", "Department of Agriculture",
    "Department of the Interior", "U.S. Army Corps of Engineers", "Bureau of Prisons",
    "Federal Bureau of Investigation", "Department of State", "Department of Energy",
    "Department of Transportation", "Federal Aviation Administration",
    "Commodity Futures Trading Commission", "Federal Election Commission",
    "U.S. Citizenship and Immigration Services", "Department of Veterans Affairs",
    "Office of Personnel Management",
]  # fmt: skip

# MDL and class-action products: "In re <Company> <product> Litigation".
PRODUCTS = [
    "Consumer Privacy", "Data Security Breach", "Biometric Information Privacy",
    "Products Liability", "Marketing, Sales Practices, and Products Liability", "Securities",
    "Antitrust", "Emissions", "Hernia Mesh Products Liability", "Talcum Powder Products",
    "Opioid", "Hair Relaxer Marketing", "Baby Food Products Liability", "Airbag Inflator",
    "Earplug Products Liability", "Social Media Adolescent Addiction", "Overdraft Fee",
    "Ticketing Antitrust", "Water Contamination", "Wildfire",
]  # fmt: skip

CAUSES = {
    "civil": [
        "Breach of contract",
        "Breach of the implied covenant of good faith and fair dealing",
        "Negligence",
        "Fraud",
        "Negligent misrepresentation",
        "Unjust enrichment",
        "Violation of 42 U.S.C. § 1983",
        "Title VII discrimination",
        "Retaliation",
        "Fair Labor Standards Act overtime",
        "Defamation",
        "Trademark infringement (Lanham Act)",
        "Patent infringement (35 U.S.C. § 271)",
        "Copyright infringement",
        "Conversion",
        "Tortious interference with contract",
        "Declaratory judgment",
        "Wrongful termination",
    ],
    "class": [
        "Illinois Biometric Information Privacy Act, 740 ILCS 14/15(b)",
        "California Unfair Competition Law, Bus. & Prof. Code § 17200",
        "California Consumer Legal Remedies Act",
        "Telephone Consumer Protection Act",
        "Fair Credit Reporting Act",
        "Fair Debt Collection Practices Act",
        "Securities Exchange Act § 10(b) and Rule 10b-5",
        "Sherman Act § 1",
        "Sherman Act § 2",
        "Video Privacy Protection Act",
        "Electronic Communications Privacy Act",
        "Breach of implied warranty of merchantability",
        "Magnuson-Moss Warranty Act",
        "New York General Business Law §§ 349-350",
        "Unjust enrichment",
        "Negligence",
        "California Invasion of Privacy Act",
        "Fair Labor Standards Act collective action",
    ],
    "mdl": [
        "Strict liability: design defect",
        "Strict liability: failure to warn",
        "Negligence",
        "Breach of express warranty",
        "Fraudulent concealment",
        "Wrongful death",
        "Loss of consortium",
        "Public nuisance",
        "Medical monitoring",
    ],
    "appeal": [
        "Appeal from final judgment (28 U.S.C. § 1291)",
        "Interlocutory appeal (28 U.S.C. § 1292(b))",
        "Appeal from class certification (Rule 23(f))",
        "Appeal from denial of preliminary injunction",
        "Appeal from order compelling arbitration",
    ],
    "cert_petition": ["Petition for a writ of certiorari (28 U.S.C. § 1254(1))"],
}

RELIEF = [
    "Compensatory damages", "Statutory damages", "Punitive damages", "Injunctive relief",
    "Declaratory relief", "Restitution and disgorgement", "Attorneys' fees and costs",
    "Class certification", "Reversal and remand", "Pre- and post-judgment interest",
]  # fmt: skip
