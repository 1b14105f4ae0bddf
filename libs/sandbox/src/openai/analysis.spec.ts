import { analyseTranscript, callerNameOf } from './analysis.js';
import { largestAmount, moneyAmounts } from './numbers.js';
import { fillSchema } from './schema.js';

const DANA = 'Hi, my name is Dana Reyes, we need a quote for about five thousand dollars, ready to buy this month';
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);

describe('analyseTranscript', () => {
  it('should qualify the Dana Reyes call with its amount, name, keywords and tags', () => {
    const sut = analyseTranscript(DANA);
    expect(sut).toMatchObject({
      leadStatus: 'qualified',
      estimatedDealValue: 5000,
      callerName: 'Dana Reyes',
      keywords: ['quote', 'ready to buy', 'this month'],
      tags: ['quote-request', 'hot-lead'],
      confidence: 0.9,
    });
    expect(sentences(sut.summary)).toHaveLength(2);
    expect(sut.summary).toContain('Dana Reyes');
    expect(sut.summary).toContain('$5,000');
  });

  it.each([
    ['', 'junk', 0.3],
    ['   ', 'junk', 0.3],
    ['Sorry, wrong number.', 'junk', 0.6],
    ['This is a robocall about your warranty', 'junk', 0.6],
    ["I'm not interested, please stop calling", 'disqualified', 0.6],
    ['No thanks, that is too expensive for us', 'disqualified', 0.6],
    ['Can you send me pricing? I am interested', 'qualified', 0.6],
    ['I would like to book a demo for $1,200', 'qualified', 0.9],
    ['Hello, who is this? Call me back later.', 'contacted', 0.6],
  ])('should give %j the lead status %s', (transcript, leadStatus, confidence) => {
    const sut = analyseTranscript(transcript);
    expect(sut.leadStatus).toBe(leadStatus);
    expect(sut.confidence).toBe(confidence);
    expect(sentences(sut.summary)).toHaveLength(2);
  });

  it('should tag callbacks, wrong numbers and price objections', () => {
    expect(analyseTranscript('Please call me back about an estimate').tags).toEqual(['callback-requested', 'quote-request']);
    expect(analyseTranscript('wrong number, sorry').tags).toEqual(['wrong-number']);
    expect(analyseTranscript('Honestly it is too expensive today').tags).toEqual(['price-objection']);
  });

  it('should de-duplicate keywords in order of appearance when phrases repeat', () => {
    expect(analyseTranscript('Quote please. Schedule it ASAP. Another quote, asap!').keywords).toEqual(['quote', 'schedule', 'asap']);
  });

  it('should be deterministic when the same transcript is analysed twice', () => {
    expect(analyseTranscript(DANA)).toEqual(analyseTranscript(DANA));
  });
});

describe('money amounts', () => {
  it.each([
    ['$5,000', 5000],
    ['5000 dollars', 5000],
    ['about 5k', 5000],
    ['about five thousand dollars', 5000],
    ['two hundred fifty dollars', 250],
    ['two hundred and fifty bucks', 250],
    ['1.5 million', 1_500_000],
    ['a thousand dollars', 1000],
    ['an hundred dollars', 100],
    ['twenty-five thousand', 25_000],
    ['twenty five hundred dollars', 2500],
    ['one million two hundred thousand dollars', 1_200_000],
    ['$49.99 a month', 49.99],
  ])('should read %j as %d', (text, value) => {
    expect(largestAmount(text)).toBe(value);
  });

  it('should ignore numbers that are not money', () => {
    expect(moneyAmounts('call 5551234 at 3 o clock, one of us has 2 kids, the constructor said five')).toEqual([]);
    expect(largestAmount('nothing here')).toBeNull();
  });

  it('should pick the largest of several amounts', () => {
    expect(largestAmount('budget is $800 now, maybe 2k later, not five million dollars... just kidding, ten bucks')).toBe(5_000_000);
  });
});

describe('callerNameOf', () => {
  it.each([
    ['my name is Dana Reyes, hi', 'Dana Reyes'],
    ['Hello, this is Sam.', 'Sam'],
    ["I'm Jo O'Neil and I need help", "Jo O'Neil"],
    ['this is a quote request', null],
    ['I am interested', null],
  ])('should read %j as %j', (text, name) => {
    expect(callerNameOf(text)).toBe(name);
  });
});

describe('fillSchema', () => {
  it('should fill exactly the schema properties, null for unknown ones and fit enums and types', () => {
    const schema = {
      type: 'object',
      properties: {
        lead_status: { type: 'string', enum: ['new', 'qualified'] },
        estimatedDealValue: { type: ['integer', 'null'] },
        callerName: { type: 'string' },
        sentiment: { type: 'string' },
      },
    };
    const sut = fillSchema({ leadStatus: 'junk', estimatedDealValue: 12.6, callerName: null }, schema);
    expect(sut).toEqual({ lead_status: 'new', estimatedDealValue: 13, callerName: '', sentiment: null });
  });
});
