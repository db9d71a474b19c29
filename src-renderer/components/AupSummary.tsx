import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { Details } from './Govuk';

/**
 * What a person is shown before confirming the Acceptable Use Policy (AUP 1.1): the version in force, the key
 * obligations with their clause numbers, and the policy's general principles (section 1) word for word.
 */
export function AupSummary({ headingLevel = 2 }: { readonly headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="app-aup-summary" aria-labelledby="aup-summary-heading">
      <Heading className="govuk-heading-m" id="aup-summary-heading">
        Acceptable Use Policy, version {CURRENT_AUP_VERSION}
      </Heading>
      <p className="govuk-body">
        Before using the department’s equipment, everyone confirms they agree to comply with this policy and understand that
        breaching it may result in disciplinary procedures (clause 1.1). The key obligations are:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>keep equipment safe and secure, and report any loss or damage to your line manager at once; ask for a lost work phone to be suspended (8.2)</li>
        <li>protect usernames, smartcards, dongles and passwords, and lock the screen or remove the smartcard when leaving a device (2.1, 2.5)</li>
        <li>use only approved devices and software, and do not connect phones to departmental devices by USB (7.1, 7.7)</li>
        <li>take devices abroad only for official business, and only with approval (7.13)</li>
        <li>complete the mandatory annual security e-learning (1.8)</li>
        <li>return all equipment when you leave (8.4)</li>
        <li>use of the department’s IT is monitored (1.6)</li>
      </ul>
      <Details summary="Read the general principles (section 1 of the policy)">
        <p className="govuk-body">Users must:</p>
        <ol className="govuk-list app-clause-list">
          <li>
            <span className="app-clause">1.1</span> Confirm prior to use of DWP equipment or information, that they agree to complying with this AUP and
            understand that breaching this policy may result in disciplinary procedures.
          </li>
          <li>
            <span className="app-clause">1.2</span> Be responsible for their own actions and act responsibly and professionally, following the DWP Standards of
            Behaviour and respecting the Department and colleagues, suppliers, partners, and citizens.
          </li>
          <li>
            <span className="app-clause">1.3</span> Use information, systems, and equipment in line with DWP security and Information Management policies.
          </li>
          <li>
            <span className="app-clause">1.4</span> Immediately report any breach of this Acceptable Use Policy to their line manager and to the relevant team and
            comply with official procedures when a breach of the policy is suspected or reported.
          </li>
          <li>
            <span className="app-clause">1.5</span> Never undertake illegal activity, or any activity that would be harmful to DWP’s reputation or jeopardise
            staff and/or citizen data, on DWP technology.
          </li>
          <li>
            <span className="app-clause">1.6</span> Understand that both business and personal use of DWP systems will be monitored as appropriate.
          </li>
          <li>
            <span className="app-clause">1.7</span> Understand that they can use whistleblowing and raising a concern if it is believed that someone is misusing
            DWP assets, information, or electronic equipment.
          </li>
          <li>
            <span className="app-clause">1.8</span> Undertake education and awareness on security and using DWP information and technology, including the
            mandatory annual security e-learning, in order to support the understanding of recognising and reporting threats,
            risks, vulnerabilities and incidents.
          </li>
        </ol>
        <p className="govuk-body">The full policy is available from the IT service desk.</p>
      </Details>
    </section>
  );
}
